package nl.loket.knowledge.search;

/**
 * What the full-text index holds of an article, product or category.
 *
 * @param type     ARTICLE, PRODUCT or CATEGORY
 * @param id       the API id (article id, product id = last URI segment, category id)
 * @param title    question / product name / category name (boosted most)
 * @param keywords synonyms and subjects (boosted)
 * @param body     answer / description text (the snippet comes from here)
 * @param teamId   the handling team, if any
 */
public record SearchDoc(String type, String id, String title, String keywords, String body, String teamId) {

    public String key() {
        return type + ":" + id;
    }
}
