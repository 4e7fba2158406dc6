package nl.loket.workspace.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import nl.loket.workspace.client.ChainTeamClient;
import nl.loket.workspace.client.ChainTeamModels;
import nl.loket.workspace.client.DownstreamException;
import nl.loket.workspace.client.DownstreamException.Service;
import nl.loket.workspace.client.KnowledgeClient;
import nl.loket.workspace.client.KnowledgeModels;
import nl.loket.workspace.client.ChainTeamModels.Callback;
import nl.loket.workspace.client.ChainTeamModels.WorkItem;
import nl.loket.workspace.client.KnowledgeModels.Article;
import nl.loket.workspace.client.KnowledgeModels.CaseStatus;

/**
 * One contact as the agent works it: chain-team's item, history and call-backs (chain-team decides whether the agent
 * may see it), the knowledge answer and the case status beside it; and the actions on it.
 */
@ApplicationScoped
public class ItemService {

    private final ChainTeamClient chainTeam;
    private final KnowledgeClient knowledge;
    private final TeamDirectory teams;

    public ItemService(@RestClient ChainTeamClient chainTeam, @RestClient KnowledgeClient knowledge,
            TeamDirectory teams) {
        this.chainTeam = chainTeam;
        this.knowledge = knowledge;
        this.teams = teams;
    }

    public Uni<ContactDetail> detail(String bearer, String contactId) {
        return chainTeam.item(bearer, contactId).onFailure().transform(e -> DownstreamException.wrap(Service.CHAIN_TEAM, e))
                .chain(item -> Uni.combine().all().unis(
                        chainTeam.history(bearer, contactId)
                                .onFailure().transform(e -> DownstreamException.wrap(Service.CHAIN_TEAM, e)),
                        chainTeam.itemCallbacks(bearer, contactId)
                                .onFailure().transform(e -> DownstreamException.wrap(Service.CHAIN_TEAM, e)),
                        answer(bearer, item),
                        caseStatus(bearer, item.caseReference()),
                        teams.all(bearer).map(all -> TeamDirectory.nameOf(all, item.teamId()))
                                .onFailure().recoverWithItem(item.teamId()))
                        .asTuple()
                        .map(t -> new ContactDetail(item, t.getItem1(), t.getItem2(), t.getItem3(), t.getItem4(),
                                t.getItem5())));
    }

    /**
     * The knowledge answer for the item: the article routing matched, else the first article found for its product
     * (searched by product name, kept only when it is about that product); null when there is none or the knowledge
     * base does not answer (the page shows the contact without it).
     */
    Uni<Article> answer(String bearer, WorkItem item) {
        Uni<Article> article;
        if (item.articleId() != null && !item.articleId().isBlank()) {
            article = knowledge.article(bearer, item.articleId());
        } else if (item.productUri() != null && item.productName() != null && !item.productName().isBlank()) {
            article = knowledge.search(bearer, item.productName(), 10)
                    .map(r -> r.hits() == null ? null
                            : r.hits().stream().filter(h -> "article".equalsIgnoreCase(h.type())).findFirst().orElse(null))
                    .chain(hit -> hit == null ? Uni.createFrom().nullItem() : knowledge.article(bearer, hit.id()))
                    .map(a -> a != null && a.productUris() != null && a.productUris().contains(item.productUri()) ? a : null);
        } else {
            return Uni.createFrom().nullItem();
        }
        return article.onFailure().recoverWithItem(e -> {
            Log.debugf("No knowledge answer for contact %s: %s", item.contactId(), e.getClass().getSimpleName());
            return null;
        });
    }

    Uni<CaseStatus> caseStatus(String bearer, String reference) {
        if (reference == null || reference.isBlank()) {
            return Uni.createFrom().nullItem();
        }
        return knowledge.caseStatus(bearer, reference).onFailure().recoverWithItem(e -> null);
    }

    public Uni<Article> article(String bearer, String id) {
        return knowledge.article(bearer, id).onFailure().transform(e -> DownstreamException.wrap(Service.KNOWLEDGE, e));
    }

    public Uni<WorkItem> claim(String bearer, String contactId) {
        return item(chainTeam.claim(bearer, contactId));
    }

    public Uni<WorkItem> release(String bearer, String contactId) {
        return item(chainTeam.release(bearer, contactId));
    }

    public Uni<WorkItem> resolve(String bearer, String contactId, String outcome, String note) {
        return item(chainTeam.resolve(bearer, contactId, new ChainTeamModels.ResolveBody(outcome, note)));
    }

    public Uni<WorkItem> transfer(String bearer, String contactId, String toTeamId, String reason) {
        return item(chainTeam.transfer(bearer, contactId, new ChainTeamModels.TransferBody(toTeamId, reason)));
    }

    /** A call-back for {@code targetTeamId}, or for the item's own team when none is named. */
    public Uni<Callback> requestCallback(String bearer, String contactId, String targetTeamId, Instant dueAt,
            String note) {
        Uni<String> target = targetTeamId != null && !targetTeamId.isBlank() ? Uni.createFrom().item(targetTeamId)
                : chainTeam.item(bearer, contactId).map(WorkItem::teamId);
        return callback(target.chain(team -> chainTeam.requestCallback(bearer, contactId,
                new ChainTeamModels.CallbackBody(team, null, dueAt, note))));
    }

    public Uni<Callback> completeCallback(String bearer, String callbackId, boolean reached, String note) {
        return callback(chainTeam.completeCallback(bearer, callbackId, new ChainTeamModels.CompleteBody(reached, note)));
    }

    private Uni<WorkItem> item(Uni<WorkItem> call) {
        return call.onFailure().transform(e -> DownstreamException.wrap(Service.CHAIN_TEAM, e));
    }

    private Uni<Callback> callback(Uni<Callback> call) {
        return call.onFailure().transform(e -> DownstreamException.wrap(Service.CHAIN_TEAM, e));
    }

    /** The knowledge base's search, as the agent may see it. */
    public Uni<KnowledgeModels.SearchResult> search(String bearer, String query) {
        return knowledge.search(bearer, query, null)
                .onFailure().transform(e -> DownstreamException.wrap(Service.KNOWLEDGE, e));
    }
}
