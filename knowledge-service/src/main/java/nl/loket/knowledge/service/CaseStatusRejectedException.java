package nl.loket.knowledge.service;

/** A case status report that must not be applied; the message says why. */
public class CaseStatusRejectedException extends RuntimeException {

    public CaseStatusRejectedException(String reason) {
        super(reason);
    }
}
