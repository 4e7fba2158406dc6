package nl.loket.knowledge.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Ranking quality over the real seed data (plain JUnit: the index needs no database). */
class SearchQualityTest {

    private static KnowledgeIndex index;

    @BeforeAll
    static void build() {
        index = SeededIndex.build();
    }

    @AfterAll
    static void close() throws Exception {
        index.close();
    }

    private static List<String> top(String query, int n) {
        List<SearchHit> hits = index.search(query, n);
        System.out.println(query + " -> " + hits.stream().map(h -> h.type() + ":" + h.id() + " (" + h.title() + ")").toList());
        return hits.stream().map(h -> h.type() + ":" + h.id()).toList();
    }

    @Test
    void expiredPassportFindsThePassport() {
        assertThat(top("paspoort verlopen", 3)).containsAnyOf("PRODUCT:paspoort", "ARTICLE:93745378-a9b1-4cec-a1ed-24d632eb5d0b");
    }

    @Test
    void felledTreeFindsTheFellingPermit() {
        assertThat(top("kapvergunning boom", 3)).contains("PRODUCT:omgevingsvergunning_kap");
    }

    @Test
    void ratsInTheGardenFindTheRatReport() {
        assertThat(top("ratten in de tuin", 3)).containsAnyOf("CATEGORY:overlast-van-dieren/ratten",
                "CATEGORY:overlast-van-dieren/ratten-in-en-rond-woning", "PRODUCT:ongediertebestrijding");
    }

    @Test
    void municipalTaxRemissionFindsRemission() {
        assertThat(top("kwijtschelding gemeentebelasting", 3)).contains("PRODUCT:belastingkwijtschelding");
    }

    @Test
    void applyingForWelfareFindsWelfare() {
        assertThat(top("bijstand aanvragen", 3)).contains("PRODUCT:bijstand");
    }

    @Test
    void singularAndPluralMeet() {
        assertThat(top("rat", 3)).containsAnyOf("CATEGORY:overlast-van-dieren/ratten",
                "CATEGORY:overlast-van-dieren/ratten-in-en-rond-woning");
        assertThat(top("paspoorten", 5)).contains("PRODUCT:paspoort");
        assertThat(top("bomen kappen", 3)).contains("PRODUCT:omgevingsvergunning_kap");
    }

    @Test
    void compoundsAreSplit() {
        // an indexed compound meets its parts: "rioolheffing" -> riool + heffing
        assertThat(top("riool heffing", 3)).contains("PRODUCT:rioolheffing");
        // a compound query meets its parts: "glascontainer" -> glas + container
        assertThat(top("glascontainer vol", 3)).contains("CATEGORY:afval/container-glas-vol");
        // "afvalcontainer" -> afval + container
        assertThat(top("afvalcontainer kapot", 5)).anyMatch(id -> id.startsWith("CATEGORY:afval/container"));
        // whole-word matches outrank compound parts: "verlopen" does not pull in "traplopen"
        assertThat(top("paspoort verlopen", 3)).doesNotContain("PRODUCT:hulpmTrapl");
    }

    @Test
    void stopWordsAloneFindNothing() {
        assertThat(index.search("de het een", 5)).isEmpty();
    }

    @Test
    void snippetMarksTheMatch() {
        List<SearchHit> hits = index.search("woo-verzoek indienen", 3);
        assertThat(hits).isNotEmpty();
        assertThat(hits.get(0).snippet()).contains("<em>");
    }
}
