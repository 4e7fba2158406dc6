package nl.loket.workspace;

import java.time.Instant;

/** JSON as the services behind the werkplek answer it. */
public final class Fixtures {

    private Fixtures() {
    }

    /** chain-team's WorkItemView. {@code dueAt} and {@code articleId} may be null. */
    public static String workItem(String contactId, String teamId, String status, Instant dueAt, String articleId) {
        return """
                {"contactId":"%s","teamId":"%s","tier":"FIRST_LINE","hop":0,"channel":"PHONE","municipality":"GM0363",
                 "status":"%s","receivedAt":"2026-03-10T09:00:00Z",%s"overdue":false,"subject":"Paspoort",
                 "text":"Hoe vraag ik een paspoort aan?","language":"nl",
                 "citizen":{"citizenRef":"ref-1","name":"Jan Jansen","phone":"0612345678"},
                 "caseReference":"Z-1","productUri":"http://standaarden.overheid.nl/owms/terms/paspoort",
                 "productName":"Paspoort","routingReason":"Doorgezet naar KCC: paspoort aanvragen",
                 "confidence":0.92%s}"""
                .formatted(contactId, teamId, status, dueAt == null ? "" : "\"dueAt\":\"" + dueAt + "\",",
                        articleId == null ? "" : ",\"articleId\":\"" + articleId + "\"");
    }

    public static String page(String... items) {
        return "{\"items\":[" + String.join(",", items) + "],\"page\":0,\"size\":20,\"total\":" + items.length + "}";
    }

    public static String callback(String callbackId, String contactId, Instant dueAt, String status) {
        return """
                {"callbackId":"%s","contactId":"%s","teamId":"kcc","targetTeamId":"kcc","dueAt":"%s",
                 "note":"Terugbellen over paspoort","status":"%s","requestedBy":"agent-a",
                 "requestedAt":"2026-03-10T09:05:00Z"}""".formatted(callbackId, contactId, dueAt, status);
    }

    public static String article(String id) {
        return """
                {"id":"%s","question":"Hoe vraag ik een paspoort aan?","answer":"Maak een afspraak bij de balie.",
                 "productUris":["http://standaarden.overheid.nl/owms/terms/paspoort"],"source":"https://www.example.nl/paspoort"}"""
                .formatted(id);
    }

    public static String summary(String teamId, long open, String version) {
        return """
                {"teamId":"%s","open":%d,"unassigned":1,"overdue":2,"dueToday":3,"callbacksOpen":1,"callbacksDue":1,
                 "version":"%s"}""".formatted(teamId, open, version);
    }

    public static String problem(int status, String detail) {
        return "{\"type\":\"about:blank\",\"title\":\"x\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}";
    }
}
