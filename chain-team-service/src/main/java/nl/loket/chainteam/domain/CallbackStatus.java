package nl.loket.chainteam.domain;

public enum CallbackStatus {
    OPEN, COMPLETED
}
