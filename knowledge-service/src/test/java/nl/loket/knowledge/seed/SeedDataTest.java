package nl.loket.knowledge.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import nl.loket.contracts.DefaultTeams;
import nl.loket.contracts.events.Tier;
import nl.loket.knowledge.domain.Article;
import nl.loket.knowledge.domain.Category;
import nl.loket.knowledge.domain.Product;
import nl.loket.knowledge.domain.Team;

class SeedDataTest {

    private final Instant now = Instant.now();

    @Test
    void defaultTeamsAreTheContractTaxonomy() {
        List<Team> teams = SeedData.teams(now);
        assertThat(teams).extracting(t -> t.id).containsExactlyElementsOf(DefaultTeams.ALL);
        Map<String, Tier> tiers = teams.stream().collect(Collectors.toMap(t -> t.id, t -> t.tier));
        DefaultTeams.FIRST_LINE.forEach(id -> assertThat(tiers.get(id)).isEqualTo(Tier.FIRST_LINE));
        DefaultTeams.CHAIN_TEAMS.forEach(id -> assertThat(tiers.get(id)).isEqualTo(Tier.CHAIN_TEAM));
        DefaultTeams.BACK_OFFICES.forEach(id -> assertThat(tiers.get(id)).isEqualTo(Tier.BACK_OFFICE));
    }

    @Test
    void everyMunicipalUplProductHasATeamATermAndKeywords() {
        List<Product> products = SeedData.products(now);
        assertThat(products).hasSize(449);
        assertThat(products).extracting(p -> p.uri).doesNotHaveDuplicates();
        assertThat(products).extracting(p -> p.id).doesNotHaveDuplicates();
        for (Product p : products) {
            assertThat(DefaultTeams.ALL).as(p.name).contains(p.teamId);
            assertThat(p.termDays).isBetween(0, 365);
            assertThat(p.termUnit).isNotNull();
            assertThat(p.keywords).as(p.name).isNotEmpty();
            assertThat(p.mappingRule).isNotBlank();
            assertThat(p.id).matches("[A-Za-z0-9_().,\\-]+");
        }
        Map<String, String> team = products.stream().collect(Collectors.toMap(p -> p.id, p -> p.teamId));
        assertThat(team).containsEntry("bijstand", "sociaal-domein").containsEntry("jeugdhulp", "sociaal-domein")
                .containsEntry("omgevingsvergunning_kap", "omgeving").containsEntry("omgevingsvergunning_sloop", "omgeving")
                .containsEntry("belastingkwijtschelding", "belastingen").containsEntry("hondenbelasting", "belastingen")
                .containsEntry("evenementenvergunning", "veiligheid").containsEntry("ongediertebestrijding", "openbare-ruimte")
                .containsEntry("naturalisatieverzoek", "burgerzaken").containsEntry("bezwaar", "juridische-zaken")
                .containsEntry("bestemmingsplan_inzage", "ruimtelijke-ontwikkeling").containsEntry("paspoort", "kcc");
    }

    @Test
    void objectionsToATaxAssessmentAreTheTaxTeamsAndNationalAllowancesAndBenefitsTheFirstLines() {
        Map<String, String> team = SeedData.products(now).stream().collect(Collectors.toMap(p -> p.id, p -> p.teamId));
        // the heffingsambtenaar decides on an objection to a tax assessment or WOZ decision, not the objections desk
        assertThat(team).containsEntry("belastingaanslag_bezwaar", "belastingen").containsEntry("bezwaar", "juridische-zaken")
                // the Belastingdienst's allowances: the first line informs and refers; the municipal ones stay social
                .containsEntry("huurtoeslag", "kcc").containsEntry("zorgtoeslag", "kcc")
                .containsEntry("kinderopvangtoeslag", "kcc").containsEntry("indInkToesl", "sociaal-domein")
                .containsEntry("aow-uitkering", "kcc").containsEntry("ioaw-uitkering", "sociaal-domein")
                .containsEntry("planschade", "ruimtelijke-ontwikkeling");
    }

    @Test
    void categoriesCarrySignalenSlasAndComeAfterTheirParents() {
        List<Category> categories = SeedData.categories(now);
        assertThat(categories).hasSize(160);
        Set<String> seen = new java.util.HashSet<>();
        for (Category c : categories) {
            assertThat(DefaultTeams.ALL).contains(c.teamId);
            if (c.parentId != null) {
                assertThat(seen).as("parent of " + c.id).contains(c.parentId);
            }
            seen.add(c.id);
        }
        Category wreck = categories.stream().filter(c -> c.id.equals("overlast-in-de-openbare-ruimte/auto-scooter-bromfietswrak"))
                .findFirst().orElseThrow();
        assertThat(wreck.termDays).isEqualTo(21);
        assertThat(wreck.termUnit.name()).isEqualTo("CALENDAR_DAYS");
        assertThat(wreck.teamId).isEqualTo("openbare-ruimte");
    }

    @Test
    void articlesAreReadWithMultiLineAnswersAndWithoutRepeatedIds() {
        List<Article> articles = SeedData.articles(now);
        assertThat(articles).hasSize(97);
        assertThat(articles).extracting(a -> a.id).doesNotHaveDuplicates();
        assertThat(articles).allSatisfy(a -> {
            assertThat(a.question).isNotBlank();
            assertThat(a.answer).isNotBlank();
        });
        assertThat(articles).anySatisfy(a -> assertThat(a.answer).contains("\n"));
        Set<String> uris = SeedData.products(now).stream().map(p -> p.uri).collect(Collectors.toSet());
        assertThat(articles).allSatisfy(a -> assertThat(uris).containsAll(a.productUris));
        Article remission = articles.stream().filter(a -> a.question.contains("kwijtschelding")).findFirst().orElseThrow();
        assertThat(remission.productUris).containsExactly("http://standaarden.overheid.nl/owms/terms/belastingkwijtschelding");
        assertThat(articles.stream().filter(a -> !a.productUris.isEmpty()).count()).isGreaterThan(40);
    }

    @Test
    void csvHandlesQuotesCommasLineBreaksAndBanners() {
        List<Map<String, String>> rows = Csv.parse("# banner\na,b\n\"x, \"\"y\"\"\",\"regel1\nregel2\"\r\n3,\n");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsEntry("a", "x, \"y\"").containsEntry("b", "regel1\nregel2");
        assertThat(rows.get(1)).containsEntry("a", "3").containsEntry("b", "");
    }
}
