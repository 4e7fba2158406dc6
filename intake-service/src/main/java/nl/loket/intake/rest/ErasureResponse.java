package nl.loket.intake.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Erasure (AVG art. 17): the contacts whose personal fields this request erased (none on a repeated request). */
@Schema(name = "ErasureResponse")
public record ErasureResponse(String service, List<String> erased) {
}
