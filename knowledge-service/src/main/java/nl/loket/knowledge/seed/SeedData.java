package nl.loket.knowledge.seed;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.loket.contracts.events.Channel;
import nl.loket.contracts.events.TermUnit;
import nl.loket.contracts.events.Tier;
import nl.loket.knowledge.domain.Article;
import nl.loket.knowledge.domain.Category;
import nl.loket.knowledge.domain.Product;
import nl.loket.knowledge.domain.Team;

/** Reads the seed files under {@code seed/} (see seed/SOURCES.md) into entities. Pure, no I/O besides the classpath. */
public final class SeedData {

    private SeedData() {
    }

    public record Teams(String id, String name, Tier tier, List<String> organisations, List<Channel> channels) {
    }

    /** The reference municipality's default taxonomy (ids are a contract: nl.loket.contracts.DefaultTeams). */
    public static final List<Teams> DEFAULT_TEAMS = List.of(
            new Teams("kcc", "Klantcontactcentrum", Tier.FIRST_LINE, List.of("gemeente"), List.of(Channel.values())),
            new Teams("omgeving", "Omgeving (vergunningen, toezicht en handhaving bouwen en wonen)", Tier.CHAIN_TEAM,
                    List.of("gemeente", "omgevingsdienst"), List.of(Channel.EMAIL, Channel.PHONE, Channel.WEB_FORM, Channel.LETTER)),
            new Teams("sociaal-domein", "Sociaal domein (Wmo, jeugd, werk en inkomen, schulden)", Tier.CHAIN_TEAM,
                    List.of("gemeente", "GGD", "sociale wijkteams"), List.of(Channel.EMAIL, Channel.PHONE, Channel.COUNTER, Channel.LETTER)),
            new Teams("belastingen", "Belastingen en WOZ", Tier.CHAIN_TEAM,
                    List.of("gemeente", "belastingsamenwerking"), List.of(Channel.EMAIL, Channel.PHONE, Channel.WEB_FORM, Channel.LETTER)),
            new Teams("veiligheid", "Openbare orde en veiligheid, handhaving", Tier.CHAIN_TEAM,
                    List.of("gemeente", "politie", "veiligheidsregio"), List.of(Channel.EMAIL, Channel.PHONE, Channel.WEB_FORM)),
            new Teams("openbare-ruimte", "Beheer openbare ruimte", Tier.BACK_OFFICE,
                    List.of("gemeente"), List.of(Channel.WEB_FORM, Channel.EMAIL, Channel.PHONE)),
            new Teams("burgerzaken", "Burgerzaken (backoffice)", Tier.BACK_OFFICE,
                    List.of("gemeente"), List.of(Channel.EMAIL, Channel.LETTER)),
            new Teams("juridische-zaken", "Juridische zaken (bezwaar, klachten, Woo)", Tier.BACK_OFFICE,
                    List.of("gemeente"), List.of(Channel.EMAIL, Channel.LETTER, Channel.WEB_FORM)),
            new Teams("ruimtelijke-ontwikkeling", "Ruimtelijke ontwikkeling en grondzaken", Tier.BACK_OFFICE,
                    List.of("gemeente"), List.of(Channel.EMAIL, Channel.LETTER)));

    public static List<Team> teams(Instant now) {
        return DEFAULT_TEAMS.stream().map(t -> {
            Team team = new Team();
            team.id = t.id();
            team.name = t.name();
            team.tier = t.tier();
            team.organisations = t.organisations();
            team.channels = t.channels().stream().map(Enum::name).toList();
            team.updatedAt = now;
            return team;
        }).toList();
    }

    /** UPL products of municipalities, joined with the reviewable team mapping. */
    public static List<Product> products(Instant now) {
        Map<String, List<Map<String, String>>> upl = new LinkedHashMap<>();
        for (Map<String, String> row : Csv.readClasspath("seed/UPL-actueel.csv")) {
            if ("X".equals(row.get("Gemeente"))) {
                upl.computeIfAbsent(row.get("URI"), k -> new ArrayList<>()).add(row);
            }
        }
        List<Product> products = new ArrayList<>();
        for (Map<String, String> m : Csv.readClasspath("seed/product-teams.csv")) {
            List<Map<String, String>> rows = upl.get(m.get("uri"));
            if (rows == null) {
                throw new IllegalStateException("product-teams.csv names a URI that is not in the UPL: " + m.get("uri"));
            }
            Map<String, String> first = rows.get(0);
            Product p = new Product();
            p.uri = m.get("uri");
            p.id = Product.idOf(p.uri);
            p.name = m.get("name");
            p.kind = kindOf(first);
            Set<String> bases = new LinkedHashSet<>();
            rows.forEach(r -> {
                String label = r.get("Grondslaglabel");
                if (label != null && !label.isBlank()) {
                    bases.add(label.strip());
                }
            });
            p.legalBasis = bases.isEmpty() ? null : truncate(String.join("; ", bases), 1000);
            p.keywords = split(m.get("keywords"));
            p.teamId = m.get("team_id");
            p.termDays = Integer.parseInt(m.get("term_days"));
            p.termUnit = TermUnit.valueOf(m.get("term_unit"));
            p.mappingRule = truncate(m.get("rule"), 500);
            p.updatedAt = now;
            products.add(p);
        }
        return products;
    }

    /** Signalen categories with their team; main categories first (sub categories refer to them). */
    public static List<Category> categories(Instant now) {
        List<Category> out = new ArrayList<>();
        for (Map<String, String> m : Csv.readClasspath("seed/category-teams.csv")) {
            Category c = new Category();
            c.id = m.get("id");
            c.parentId = blankToNull(m.get("parent_id"));
            c.name = m.get("name");
            c.description = blankToNull(m.get("description"));
            c.keywords = split(m.get("keywords"));
            c.teamId = m.get("team_id");
            c.termDays = Integer.parseInt(m.get("term_days"));
            c.termUnit = TermUnit.valueOf(m.get("term_unit"));
            c.mappingRule = truncate(m.get("rule") + " (term: " + m.get("term_source") + ")", 500);
            c.updatedAt = now;
            out.add(c);
        }
        out.sort(Comparator.comparing((Category c) -> c.parentId != null).thenComparing(c -> c.id));
        return out;
    }

    /** Rijksoverheid vraag-antwoordcombinaties (first occurrence of a repeated id wins), linked to UPL products. */
    public static List<Article> articles(Instant now) {
        Map<String, List<String>> links = new LinkedHashMap<>();
        for (Map<String, String> m : Csv.readClasspath("seed/article-products.csv")) {
            links.put(m.get("article_id"), split(m.get("product_uris")));
        }
        Map<String, Article> byId = new LinkedHashMap<>();
        for (Map<String, String> m : Csv.readClasspath("seed/vac-seed.csv")) {
            String id = m.get("id");
            if (id == null || id.isBlank() || byId.containsKey(id)) {
                continue;
            }
            Article a = new Article();
            a.id = id;
            a.question = truncate(m.get("question").strip(), 2000);
            a.answer = truncate(m.get("reference_answer").strip(), 20000);
            a.subjects = split(m.get("subjects"));
            a.productUris = links.getOrDefault(id, List.of());
            a.source = blankToNull(truncate(m.get("canonical"), 500));
            String modified = m.get("lastmodified");
            a.validFrom = modified != null && modified.length() >= 10 ? LocalDate.parse(modified.substring(0, 10)) : null;
            a.updatedAt = now;
            byId.put(id, a);
        }
        return new ArrayList<>(byId.values());
    }

    private static String kindOf(Map<String, String> row) {
        if ("X".equals(row.get("Subsidie"))) {
            return "subsidie";
        }
        if ("X".equals(row.get("Aanvraag"))) {
            return "aanvraag";
        }
        if ("X".equals(row.get("Melding"))) {
            return "melding";
        }
        if ("X".equals(row.get("Verplichting"))) {
            return "verplichting";
        }
        return null;
    }

    private static List<String> split(String s) {
        if (s == null || s.isBlank()) {
            return List.of();
        }
        return Arrays.stream(s.split("\\|")).map(String::strip).filter(x -> !x.isEmpty()).distinct().toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
