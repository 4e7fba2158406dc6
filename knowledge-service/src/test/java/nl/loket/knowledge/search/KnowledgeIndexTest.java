package nl.loket.knowledge.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class KnowledgeIndexTest {

    private static SearchDoc product(String id, String title) {
        return new SearchDoc("PRODUCT", id, title, "", title, "omgeving");
    }

    @Test
    void compoundPartsMatchBothWays() throws Exception {
        try (KnowledgeIndex index = new KnowledgeIndex()) {
            index.rebuild(List.of(product("belasting", "belasting"), product("gemeente", "gemeente"),
                    product("afvalstoffenheffing", "afvalstoffenheffing"), product("heffing", "heffing van de gemeente")));
            // query compound -> parts
            assertThat(index.search("gemeentebelasting", 5)).extracting(SearchHit::id).contains("belasting", "gemeente");
            // query part -> indexed compound
            assertThat(index.search("heffingen", 5)).extracting(SearchHit::id).contains("afvalstoffenheffing", "heffing");
        }
    }

    @Test
    void newWordsFromAnEditMakeTheDictionaryStaleUntilTheNextFullBuild() throws Exception {
        try (KnowledgeIndex index = new KnowledgeIndex()) {
            index.rebuild(List.of(product("vergunning", "vergunning")));
            index.upsert(product("zwemvijververgunning", "zwemvijververgunning"));
            assertThat(index.search("zwemvijververgunning", 5)).extracting(SearchHit::id).contains("zwemvijververgunning");
            index.upsert(product("zwemvijver", "zwemvijver"));
            assertThat(index.dictionaryStale()).isTrue();
            assertThat(index.rebuildIfStale()).isTrue();
            assertThat(index.dictionaryStale()).isFalse();
            assertThat(index.search("zwemvijver", 5)).extracting(SearchHit::id).contains("zwemvijver", "zwemvijververgunning");
        }
    }

    @Test
    void deletedDocumentsAreNotFound() throws Exception {
        try (KnowledgeIndex index = new KnowledgeIndex()) {
            index.rebuild(List.of(product("paspoort", "paspoort")));
            index.delete("PRODUCT", "paspoort");
            assertThat(index.search("paspoort", 5)).isEmpty();
            assertThat(index.size()).isZero();
        }
    }

    @Test
    void changesMadeWhileTheDatabaseIsReadSurviveTheResync() throws Exception {
        try (KnowledgeIndex index = new KnowledgeIndex()) {
            index.rebuild(List.of(product("paspoort", "paspoort"), product("rijbewijs", "rijbewijs")));
            index.beginResync();
            List<SearchDoc> snapshot = List.of(product("paspoort", "paspoort"), product("rijbewijs", "rijbewijs"));
            index.upsert(product("kiezerspas", "kiezerspas"));
            index.delete("PRODUCT", "rijbewijs");
            index.finishResync(snapshot);
            assertThat(index.size()).isEqualTo(2);
            assertThat(index.search("kiezerspas", 5)).extracting(SearchHit::id).containsExactly("kiezerspas");
            assertThat(index.search("rijbewijs", 5)).isEmpty();
        }
    }
}
