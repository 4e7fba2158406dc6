package nl.loket.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.loket.contracts.DefaultTeams;
import nl.loket.contracts.events.Channel;
import nl.loket.demo.ContactScript.Kind;
import nl.loket.demo.ContactScript.ScriptedContact;

/**
 * Replays scripted contacts through intake (compressed into {@code seconds}) for one or more municipalities, while
 * simulated agents of every team claim, settle, transfer and turn contacts into call-backs through the chain-team
 * API, with think times standing for the handling time (longer in back offices). What the agents see is kept for the
 * learning week: the team each contact first appeared in (its queue at hop 0), the transfers they made, the contacts
 * they settled.
 */
public final class DayRunner {

    private final LoketClient client;
    private final Map<String, ScriptedContact> truth = new ConcurrentHashMap<>();
    private final AtomicInteger submitted = new AtomicInteger();
    private final AtomicInteger rejected = new AtomicInteger();
    private final AtomicInteger actions = new AtomicInteger();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final List<String> acceptedIds = java.util.Collections.synchronizedList(new ArrayList<>());
    private volatile long lastProgress;
    private final String runId = java.util.UUID.randomUUID().toString().substring(0, 8);
    // What the agents saw and did, by contact id, for any contact (an item can show up in a queue before its
    // submitter has noted the intake's answer); the accessors keep this run's contacts.
    /** The team whose queue showed the contact at hop 0: where routing sent it first. */
    private final Map<String, String> firstTeams = new ConcurrentHashMap<>();
    private final Set<String> settled = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> transfers = new ConcurrentHashMap<>();
    private volatile long lastActionMillis = System.currentTimeMillis();
    /** How often a chain team or back office passes on a contact that is not theirs (below hop 2). */
    private final double transferShare;

    public DayRunner(LoketClient client) {
        this(client, 0.8);
    }

    /**
     * @param transferShare how often a team passes on a contact that is not theirs (below hop 2) instead of settling it
     *        itself; 0.8 for the demo, 1 for the learning week, whose agents always send a contact on to its team
     */
    public DayRunner(LoketClient client, double transferShare) {
        this.client = client;
        this.transferShare = transferShare;
    }

    public int submitted() {
        return submitted.get();
    }

    /** The accepted contacts of this run by contact id, with what the script meant by them. */
    public Map<String, ScriptedContact> accepted() {
        return Map.copyOf(truth);
    }

    /** Contact id → the team it first appeared in (hop 0), for the contacts of this run an agent saw there. */
    public Map<String, String> firstTeams() {
        Map<String, String> mine = new java.util.HashMap<>(firstTeams);
        mine.keySet().retainAll(truth.keySet());
        return Map.copyOf(mine);
    }

    /** Transfers the agents made of this run's contacts (accepted by chain-team-service). */
    public int transfers() {
        return transfers.entrySet().stream().filter(e -> truth.containsKey(e.getKey())).mapToInt(e -> e.getValue().get()).sum();
    }

    /** This run's contacts the agents settled (resolve accepted). */
    public int settled() {
        return (int) truth.keySet().stream().filter(settled::contains).count();
    }

    /** Runs the day and returns when the submitted contacts have been worked or {@code maxWaitSeconds} passed. */
    public void run(List<ScriptedContact> day, List<String> municipalities, int seconds, int maxWaitSeconds, long seed)
            throws InterruptedException {
        run(day, municipalities, seconds, maxWaitSeconds, seed, false);
    }

    /**
     * Runs the day for one municipality and returns when every accepted contact has been settled, when the agents have
     * had nothing to do for {@link #IDLE_SECONDS} s (what is left is stuck), or after {@code maxWaitSeconds}.
     */
    public void runUntilSettled(List<ScriptedContact> day, String municipality, int seconds, int maxWaitSeconds, long seed)
            throws InterruptedException {
        run(day, List.of(municipality), seconds, maxWaitSeconds, seed, true);
    }

    static final int IDLE_SECONDS = 30;

    private void run(List<ScriptedContact> day, List<String> municipalities, int seconds, int maxWaitSeconds, long seed,
            boolean untilSettled) throws InterruptedException {
        List<Thread> agents = startAgents();
        ExecutorService submitters = Executors.newFixedThreadPool(4);
        long start = System.nanoTime();
        Random random = new Random(seed);
        for (ScriptedContact contact : day) {
            long due = start + (long) (contact.arrival() * seconds * 1e9);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            String bsn = random.nextDouble() < 0.6 ? randomBsn(random) : null;
            // about 4% come back about an earlier contact of the day (a follow-up, not a first contact)
            boolean followUp = random.nextDouble() < 0.04;
            int pick = random.nextInt(Integer.MAX_VALUE);
            for (String municipality : municipalities) {
                submitters.submit(() -> submit(contact, municipality, bsn, followUp ? earlierContact(municipality, pick) : null));
            }
            progress(day.size() * municipalities.size(), false);
        }
        submitters.shutdown();
        submitters.awaitTermination(5, TimeUnit.MINUTES);
        progress(day.size() * municipalities.size(), true);
        if (untilSettled) {
            awaitSettled(maxWaitSeconds);
        } else {
            awaitQuiet(municipalities, maxWaitSeconds);
        }
        stop.set(true);
        for (Thread agent : agents) {
            agent.join(10_000);
        }
        System.out.println();
    }

    private String earlierContact(String municipality, int pick) {
        synchronized (acceptedIds) {
            List<String> mine = acceptedIds.stream().filter(id -> id.startsWith(municipality + "/")).toList();
            return mine.isEmpty() ? null : mine.get(pick % mine.size()).substring(municipality.length() + 1);
        }
    }

    private void submit(ScriptedContact contact, String municipality, String bsn, String followUpOf) {
        ObjectNode body = client.object()
                .put("municipality", municipality)
                .put("channel", contact.channel().name())
                .put("text", contact.text());
        if (contact.subject() != null) {
            body.put("subject", contact.subject().length() > 200 ? contact.subject().substring(0, 200) : contact.subject());
        }
        if (contact.caseReference() != null) {
            body.put("caseReference", contact.caseReference());
        }
        if (contact.productCode() != null) {
            body.put("productCode", contact.productCode());
        }
        if (followUpOf != null) {
            body.put("followUpOf", followUpOf);
        }
        if (bsn != null) {
            body.putObject("citizen").put("bsn", bsn).put("phone", "06" + (10_000_000 + contact.seq()));
        }
        // one key per contact of this run: a retry would be answered with the same contact, a new run is a new day
        LoketClient.Answer answer = client.submit(body, runId + "-" + municipality + "-" + contact.seq());
        if (answer.status() == 202) {
            String contactId = answer.body().get("contactId").asText();
            truth.put(contactId, contact);
            acceptedIds.add(municipality + "/" + contactId);
            submitted.incrementAndGet();
        } else {
            rejected.incrementAndGet();
        }
    }

    private void progress(int total, boolean done) {
        int n = submitted.get();
        long now = System.currentTimeMillis();
        if (done || now - lastProgress >= 1000) {
            lastProgress = now;
            System.out.printf("\r  contacts accepted %5d/%d   rejected %d   agent actions %6d", n, total, rejected.get(), actions.get());
            System.out.flush();
        }
    }

    private void awaitQuiet(List<String> municipalities, int maxWaitSeconds) throws InterruptedException {
        long deadline = System.currentTimeMillis() + maxWaitSeconds * 1000L;
        int lastActions = -1;
        int quietRounds = 0;
        while (System.currentTimeMillis() < deadline && quietRounds < 4) {
            Thread.sleep(2_500); // the demo reports progress at a person's pace
            int now = actions.get();
            quietRounds = now == lastActions ? quietRounds + 1 : 0;
            lastActions = now;
            long received = 0;
            for (String municipality : municipalities) {
                JsonNode summary = client.summary("municipality=" + municipality).body();
                received += summary == null ? 0 : summary.path("received").asLong();
            }
            System.out.printf("\r  contacts accepted %5d   in metrics %5d   agent actions %6d   ", submitted.get(), received, now);
            System.out.flush();
        }
    }

    private void awaitSettled(int maxWaitSeconds) throws InterruptedException {
        long deadline = System.currentTimeMillis() + maxWaitSeconds * 1000L;
        lastActionMillis = System.currentTimeMillis(); // the idle time counts from the last arrival
        while (System.currentTimeMillis() < deadline && settled() < submitted.get()
                && System.currentTimeMillis() - lastActionMillis < IDLE_SECONDS * 1000L) {
            Thread.sleep(1_000); // progress at a person's pace
            System.out.printf("\r  contacts accepted %5d   settled %5d   transfers %5d   agent actions %6d   ",
                    submitted.get(), settled(), transfers(), actions.get());
            System.out.flush();
        }
    }

    private List<Thread> startAgents() {
        List<Thread> threads = new ArrayList<>();
        for (String team : DefaultTeams.ALL) {
            int count = DefaultTeams.KCC.equals(team) ? 6 : DefaultTeams.CHAIN_TEAMS.contains(team) ? 2 : 1;
            for (int i = 1; i <= count; i++) {
                String member = "demo-" + team + "-" + i;
                Thread thread = new Thread(() -> work(team, member), member);
                thread.setDaemon(true);
                thread.start();
                threads.add(thread);
            }
        }
        return threads;
    }

    /** One agent: completes call-backs addressed to the team, then takes the next open item of the queue. */
    private void work(String team, String member) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        boolean backOffice = DefaultTeams.BACK_OFFICES.contains(team);
        while (!stop.get()) {
            try {
                boolean worked = completeCallbacks(team, member) | takeNext(team, member, random, backOffice);
                if (!worked) {
                    Thread.sleep(300); // an idle agent looks at the queue again a moment later
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // an agent's hiccup (a race for the same item) is not the demo's end
            }
        }
    }

    private boolean completeCallbacks(String team, String member) {
        LoketClient.Answer callbacks = client.teamCallbacks(team, member);
        if (!callbacks.ok() || callbacks.body() == null) {
            return false;
        }
        boolean any = false;
        for (JsonNode callback : callbacks.body()) {
            // the list also shows call-backs the team asked of others; only the target team calls back
            if ("OPEN".equals(callback.path("status").asText()) && team.equals(callback.path("targetTeamId").asText())) {
                if (client.completeCallback(team, member, callback.path("callbackId").asText(), true).ok()) {
                    actions.incrementAndGet();
                    lastActionMillis = System.currentTimeMillis();
                    any = true;
                }
            }
        }
        return any;
    }

    private boolean takeNext(String team, String member, ThreadLocalRandom random, boolean backOffice) throws InterruptedException {
        LoketClient.Answer page = client.teamItems(team, member, "status=OPEN&size=10");
        if (!page.ok() || page.body() == null || page.body().path("items").isEmpty()) {
            return false;
        }
        JsonNode items = page.body().path("items");
        for (JsonNode shown : items) {
            String id = shown.path("contactId").asText();
            if (shown.path("hop").asInt(-1) == 0) {
                firstTeams.putIfAbsent(id, shown.path("teamId").asText(team));
            }
        }
        JsonNode item = items.get(random.nextInt(items.size()));
        String contactId = item.path("contactId").asText();
        if (!client.item(team, member, contactId, "claim", null).ok()) {
            return true; // a colleague was quicker
        }
        actions.incrementAndGet();
        lastActionMillis = System.currentTimeMillis();
        // think time: the handling time of the contact, compressed (back offices take longest)
        Thread.sleep(backOffice ? random.nextLong(400, 1500) : DefaultTeams.KCC.equals(team) ? random.nextLong(50, 300) : random.nextLong(150, 700));
        decide(team, member, item, contactId, random);
        actions.incrementAndGet();
        lastActionMillis = System.currentTimeMillis();
        return true;
    }

    private void decide(String team, String member, JsonNode item, String contactId, ThreadLocalRandom random) {
        ScriptedContact contact = truth.get(contactId);
        String intended = contact == null ? team : contact.intendedTeam();
        Kind kind = contact == null ? Kind.GENERIC_QUESTION : contact.kind();
        int hop = item.path("hop").asInt();
        boolean phone = Channel.PHONE.name().equals(item.path("channel").asText());
        if (kind == Kind.NONSENSE) {
            resolve(team, member, contactId, "NO_CONTACT_POSSIBLE");
        } else if (DefaultTeams.KCC.equals(team)) {
            if (phone && "kcc".equals(intended) && random.nextDouble() < 0.05) {
                // the answer needs a specialist: a call-back note (terugbelnotitie) to a chain team
                String specialist = DefaultTeams.CHAIN_TEAMS.get(random.nextInt(DefaultTeams.CHAIN_TEAMS.size()));
                client.item(team, member, contactId, "callbacks",
                        client.object().put("targetTeamId", specialist).put("note", "Specialist belt de burger terug"));
            } else if ("kcc".equals(intended) || (kind == Kind.STATUS_QUESTION && random.nextDouble() < 0.5) || hop >= 2) {
                resolve(team, member, contactId, kind == Kind.STATUS_QUESTION ? "INFORMED" : "ANSWERED");
            } else if (phone && random.nextDouble() < 0.3) {
                ObjectNode callback = client.object().put("targetTeamId", intended).put("note", "Burger wil teruggebeld worden");
                client.item(team, member, contactId, "callbacks", callback);
            } else {
                transfer(team, member, contactId, intended, "Vraag over de eigen zaak: hoort bij het ketenteam");
            }
        } else if (!team.equals(intended) && hop < 2 && random.nextDouble() < transferShare) {
            transfer(team, member, contactId, intended, "Niet voor ons team");
        } else {
            resolve(team, member, contactId, kind == Kind.REPORT ? "REPORT_REGISTERED"
                    : random.nextDouble() < 0.05 ? "REFERRED_EXTERNAL" : "ANSWERED");
        }
    }

    private void resolve(String team, String member, String contactId, String outcome) {
        if (client.item(team, member, contactId, "resolve", client.object().put("outcome", outcome)).ok()) {
            settled.add(contactId);
        }
    }

    /** Passes the contact on to {@code to}: always the team the scripted contact belongs to (its intendedTeam). */
    private void transfer(String team, String member, String contactId, String to, String reason) {
        if (client.item(team, member, contactId, "transfer", client.object().put("toTeamId", to).put("reason", reason)).ok()) {
            transfers.computeIfAbsent(contactId, id -> new AtomicInteger()).incrementAndGet();
        }
    }

    /** A random number that passes the 11-proef (test data, not a real person's BSN). */
    static String randomBsn(Random random) {
        while (true) {
            int[] digits = new int[9];
            int sum = 0;
            for (int i = 0; i < 8; i++) {
                digits[i] = i == 0 ? 1 + random.nextInt(9) : random.nextInt(10);
                sum += (9 - i) * digits[i];
            }
            int last = sum % 11;
            if (last < 10) {
                digits[8] = last;
                StringBuilder bsn = new StringBuilder();
                for (int d : digits) {
                    bsn.append(d);
                }
                return bsn.toString();
            }
        }
    }
}
