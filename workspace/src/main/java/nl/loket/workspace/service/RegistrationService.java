package nl.loket.workspace.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import nl.loket.contracts.events.Channel;
import nl.loket.kit.auth.Caller;
import nl.loket.workspace.client.AdapterTokens;
import nl.loket.workspace.client.DownstreamException;
import nl.loket.workspace.client.DownstreamException.Service;
import nl.loket.workspace.client.IntakeClient;
import nl.loket.workspace.client.IntakeModels;
import nl.loket.workspace.client.KnowledgeModels.Team;
import nl.loket.workspace.client.RoutingClient;
import nl.loket.workspace.client.RoutingModels;
import nl.loket.workspace.client.KnowledgeModels.Article;

/**
 * A contact registered at the counter or on the phone by a first-line (KCC) agent: routing's preview (with the
 * agent's token) and intake's acceptance (as the channel's adapter) at once, and the knowledge answer for the
 * decision. The BSN goes to intake only; nothing of the request is logged.
 */
@ApplicationScoped
public class RegistrationService {

    private final RoutingClient routing;
    private final IntakeClient intake;
    private final AdapterTokens adapters;
    private final TeamDirectory teams;
    private final ItemService items;

    public RegistrationService(@RestClient RoutingClient routing, @RestClient IntakeClient intake,
            AdapterTokens adapters, TeamDirectory teams, ItemService items) {
        this.routing = routing;
        this.intake = intake;
        this.adapters = adapters;
        this.teams = teams;
        this.items = items;
    }

    public Uni<Registered> register(Caller caller, String bearer, ContactRegistration request, String clientKey) {
        String adapter = adapterOf(request);
        if (!caller.municipalities().contains(request.municipality())) {
            return Uni.createFrom().failure(new Refusal(403, "U werkt niet voor deze gemeente",
                    "The municipality is not one of the caller's"));
        }
        return teams.all(bearer).chain(all -> {
            if (!firstLine(caller, all)) {
                return Uni.createFrom().failure(new Refusal(403, "Alleen medewerkers van het KCC registreren contacten",
                        "Registration is for members of a FIRST_LINE team"));
            }
            Uni<RoutingModels.Preview> preview = routing.preview(bearer, new RoutingModels.PreviewRequest(
                    request.municipality(), request.channel().name(), request.subject(), request.text(), "nl",
                    request.deskTopic()))
                    .onFailure().recoverWithItem(e -> {
                        // the contact is registered all the same; routing decides it when it arrives
                        Log.warnf("Routing preview failed for a %s registration: %s", request.channel(),
                                e.getClass().getSimpleName());
                        return null;
                    });
            Uni<IntakeModels.ContactAccepted> accepted = adapters.bearer(adapter)
                    .chain(adapterToken -> intake.submit(adapterToken, idempotencyKey(caller, clientKey),
                            toIntake(request)))
                    .onFailure().transform(e -> DownstreamException.wrap(Service.INTAKE, e));
            return Uni.combine().all().unis(preview, accepted).asTuple()
                    .chain(t -> {
                        RoutingModels.Preview p = t.getItem1();
                        IntakeModels.ContactAccepted a = t.getItem2();
                        Log.infof("Contact %s registered by %s on channel %s", a.contactId(), caller.name(),
                                request.channel());
                        Uni<Article> answer = p == null || p.articleId() == null ? Uni.createFrom().nullItem()
                                : items.article(bearer, p.articleId()).onFailure().recoverWithNull();
                        return answer.map(article -> new Registered(a.contactId(), p,
                                p == null ? null : TeamDirectory.nameOf(all, p.teamId()), article,
                                p != null && caller.isMemberOf(p.teamId())));
                    });
        });
    }

    /** Member of a first-line team (the KCC), as the knowledge base's team list says. */
    public static boolean firstLine(Caller caller, List<Team> all) {
        return all.stream().anyMatch(t -> TeamDirectory.FIRST_LINE.equals(t.tier()) && caller.isMemberOf(t.id()));
    }

    /** The adapter client of the channel; only counter and phone are registered by agents. */
    static String adapterOf(ContactRegistration request) {
        if (request.channel() == Channel.COUNTER) {
            return "counter";
        }
        if (request.channel() == Channel.PHONE) {
            if (request.deskTopic() != null && !request.deskTopic().isBlank()) {
                throw new Refusal(400, "Een balieonderwerp hoort alleen bij een baliecontact",
                        "deskTopic is only for channel COUNTER");
            }
            return "phone";
        }
        throw new Refusal(400, "Alleen balie- en telefooncontacten worden hier geregistreerd",
                "channel must be COUNTER or PHONE");
    }

    static IntakeModels.ContactRequest toIntake(ContactRegistration r) {
        boolean anyCitizen = !blank(r.bsn()) || !blank(r.citizenName()) || !blank(r.citizenEmail())
                || !blank(r.citizenPhone());
        IntakeModels.Citizen citizen = anyCitizen ? new IntakeModels.Citizen(emptyToNull(r.bsn()),
                emptyToNull(r.citizenName()), emptyToNull(r.citizenEmail()), emptyToNull(r.citizenPhone())) : null;
        return new IntakeModels.ContactRequest(r.municipality(), r.channel().name(), emptyToNull(r.subject()), r.text(),
                "nl", citizen, r.channel() == Channel.COUNTER ? emptyToNull(r.deskTopic()) : null);
    }

    /**
     * intake's Idempotency-Key: the page's key for this registration (a retry sends the same) or a new one, hashed
     * with the agent's name so that two agents' keys never meet under the one adapter identity.
     */
    static String idempotencyKey(Caller caller, String clientKey) {
        String key = blank(clientKey) ? UUID.randomUUID().toString() : clientKey;
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((caller.name() + "\n" + key).getBytes(StandardCharsets.UTF_8));
            return "werkplek-" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String emptyToNull(String s) {
        return blank(s) ? null : s.trim();
    }
}
