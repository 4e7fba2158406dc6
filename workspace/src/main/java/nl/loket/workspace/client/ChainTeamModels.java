package nl.loket.workspace.client;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** chain-team-service's bodies (its ApiModels), as far as the werkplek reads or sends them. Enums as text. */
public final class ChainTeamModels {

    private ChainTeamModels() {
    }

    public record Citizen(String citizenRef, String name, String email, String phone) {
    }

    public record Term(int days, String unit) {
    }

    public record WorkItem(String contactId, String teamId, String tier, int hop, String channel, String municipality,
            String status, String assignee, Instant receivedAt, Instant assignedAt, Instant dueAt, boolean overdue,
            String subject, String text, String language, Citizen citizen, String caseReference, String productUri,
            String productName, String categoryId, Term handlingTerm, String routingReason, Double confidence,
            String articleId, String previousTeamId, String transferReason, String followUpOf, String outcome,
            Instant resolvedAt, Instant personalDataErasedAt) {
    }

    public record ItemPage(List<WorkItem> items, int page, int size, long total) {
    }

    public record HistoryEntry(int seq, Instant at, String action, String actor, String organisation, String teamId,
            String tier, int hop, String status, String assignee, Instant dueAt, String outcome, String note,
            String reason, String targetTeamId, String targetMember, String callbackId, String eventId) {
    }

    public record Callback(String callbackId, String contactId, String teamId, String targetTeamId,
            String targetMember, Instant dueAt, String note, String status, String requestedBy, Instant requestedAt,
            Boolean reached, String completedBy, Instant completedAt, String completionNote) {
    }

    /** The team's queue in figures; {@code version} changes whenever the open items or call-backs change. */
    public record TeamSummary(String teamId, long open, long unassigned, long overdue, long dueToday,
            long callbacksOpen, long callbacksDue, String version) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ResolveBody(String outcome, String note) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TransferBody(String toTeamId, String reason) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CallbackBody(String targetTeamId, String targetMember, Instant dueAt, String note) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CompleteBody(Boolean reached, String note) {
    }
}
