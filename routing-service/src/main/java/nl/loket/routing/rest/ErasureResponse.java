package nl.loket.routing.rest;

import java.util.List;

/** The answer to an erasure request: the contacts whose personal data this request erased (none on a repeat). */
public record ErasureResponse(String service, List<String> erased) {
}
