package nl.loket.knowledge;

import static nl.loket.knowledge.Api.asAgent;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import nl.loket.testsupport.WithKafkaAndPostgres;

/** The five required queries (and singular/plural, compounds) through the HTTP endpoint on the seeded database. */
@QuarkusTest
@WithKafkaAndPostgres(database = "knowledge")
class SearchResourceTest {

    @ParameterizedTest(name = "{0} finds {1}")
    @CsvSource(delimiter = '|', value = {
            "paspoort verlopen | PRODUCT:paspoort",
            "kapvergunning boom | PRODUCT:omgevingsvergunning_kap",
            "ratten in de tuin | CATEGORY:overlast-van-dieren/ratten",
            "kwijtschelding gemeentebelasting | PRODUCT:belastingkwijtschelding",
            "bijstand aanvragen | PRODUCT:bijstand",
            "paspoorten | PRODUCT:paspoort",
            "rat | CATEGORY:overlast-van-dieren/ratten",
            "bomen kappen | PRODUCT:omgevingsvergunning_kap",
            "grofvuil laten ophalen | PRODUCT:afvalinzameling_grofvuil",
            "woz waarde | PRODUCT:woz-beschikking"})
    void requiredQueriesFindTheRightItemInTheTopThree(String query, String expected) {
        List<String> types = asAgent().queryParam("q", query).queryParam("limit", 3).get("/api/v1/knowledge/search")
                .then().statusCode(200).extract().path("hits.type");
        List<String> ids = asAgent().queryParam("q", query).queryParam("limit", 3).get("/api/v1/knowledge/search")
                .then().statusCode(200).extract().path("hits.id");
        List<String> keys = new java.util.ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            keys.add(types.get(i) + ":" + ids.get(i));
        }
        assertThat(keys).as(query).contains(expected);
    }
}
