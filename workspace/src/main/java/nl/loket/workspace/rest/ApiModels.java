package nl.loket.workspace.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.loket.contracts.events.Channel;
import nl.loket.contracts.events.Outcome;
import nl.loket.workspace.domain.Deadline;

/** The werkplek's API between the pages and the server (README "Endpoints"). Never another service's type. */
public final class ApiModels {

    static final String TEAM_ID = "^[a-z0-9]+(-[a-z0-9]+)*$";

    private ApiModels() {
    }

    // ---- who is signed in

    public record Me(String username, String name, String organisation, List<Team> teams, List<String> municipalities,
            List<String> roles, boolean canRegister, boolean teamLead, String dashboardUrl) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Team(String id, String name, String tier) {
    }

    // ---- queue

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Citizen(String name, String email, String phone) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Term(int days, String unit) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WorkItem(String contactId, String teamId, String tier, int hop, String channel, String municipality,
            String status, String assignee, Instant receivedAt, Instant assignedAt, Instant dueAt, boolean overdue,
            Deadline deadline, String subject, String text, String language, Citizen citizen, String caseReference,
            String productUri, String productName, String categoryId, Term handlingTerm, String routingReason,
            Double confidence, String articleId, String previousTeamId, String transferReason, String followUpOf,
            String outcome, Instant resolvedAt, Instant personalDataErasedAt) {
    }

    public record ItemPage(List<WorkItem> items, int page, int size, long total) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HistoryEntry(int seq, Instant at, String action, String actor, String organisation, String teamId,
            String tier, int hop, String status, String assignee, Instant dueAt, String outcome, String note,
            String reason, String targetTeamId, String targetMember, String callbackId) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Callback(String callbackId, String contactId, String teamId, String targetTeamId,
            String targetMember, Instant dueAt, Deadline due, String note, String status, String requestedBy,
            Instant requestedAt, Boolean reached, String completedBy, Instant completedAt, String completionNote) {
    }

    /** One live-queue event (SSE event name {@code queue}): the pages fetch the queue again. */
    public record QueueEvent(String teamId, long open, String version) {
    }

    // ---- one contact

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Article(String id, String title, String question, String answer, String productUri,
            List<String> productUris, String url, LocalDate validUntil) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CaseStatus(String reference, String status, String statusText, LocalDate expectedDecisionDate,
            Instant changedAt, String teamId) {
    }

    public record ItemDetail(WorkItem item, List<HistoryEntry> history, List<Callback> callbacks, Article answer,
            CaseStatus caseStatus, String teamName) {
    }

    public record ResolveRequest(@NotNull Outcome outcome, @Size(max = 2000) String note) {
    }

    public record TransferRequest(
            @NotBlank @Pattern(regexp = TEAM_ID, message = "must be a team id") @Size(max = 64) String toTeamId,
            @NotBlank @Size(max = 1000) String reason) {
    }

    public record CallbackRequest(Instant dueAt, @Size(max = 2000) String note,
            @Pattern(regexp = TEAM_ID, message = "must be a team id") @Size(max = 64) String targetTeamId) {
    }

    public record CompleteCallbackRequest(@NotNull Boolean reached, @Size(max = 2000) String note) {
    }

    // ---- knowledge

    public record SearchHit(String type, String id, String title, String snippet, String teamId, float score) {
    }

    public record SearchResult(String query, int count, List<SearchHit> hits) {
    }

    // ---- counter / phone registration

    /** What the agent types while the citizen is there. The BSN goes to intake only. */
    public record RegistrationRequest(
            @NotNull Channel channel,
            @NotBlank @Pattern(regexp = "GM[0-9]{4}", message = "must be a CBS municipality code such as GM0363")
            String municipality,
            @Size(max = 200) String subject,
            @NotBlank @Size(max = 10000) String text,
            @Size(max = 100) String deskTopic,
            @Valid RegistrationCitizen citizen,
            @Pattern(regexp = "[0-9]{9}", message = "must be nine digits") String bsn) {

        /** Never logged or echoed: the BSN is in it. */
        @Override
        public String toString() {
            return "RegistrationRequest[channel=" + channel + ", municipality=" + municipality + "]";
        }
    }

    public record RegistrationCitizen(@Size(max = 200) String name, @Size(max = 254) @Email String email,
            @Size(max = 40) @Pattern(regexp = "\\+?[0-9 ()-]{6,20}", message = "must be a phone number") String phone) {

        @Override
        public String toString() {
            return "RegistrationCitizen[…]";
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Decision(String tier, String teamId, String teamName, String reason, double confidence,
            String productName, String articleId) {
    }

    public record Registration(String contactId, Decision decision, Article answer, boolean ownTeam) {
    }

    // ---- team lead

    public record Lead(List<LeadTeam> teams, List<LeadMunicipality> municipalities, String dashboardUrl) {
    }

    public record LeadTeam(String teamId, String name, long open, long unassigned, long overdue, long dueToday,
            long callbacksDue) {
    }

    public record LeadMunicipality(String municipality, long received, long directlyHandled, long firstContacts,
            Double directShare, double target) {
    }
}
