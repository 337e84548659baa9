package app.stamina.api;

/** Surgery the athlete has had for the condition. */
public enum Surgery implements Coded {
    NONE, FUSION, DISCECTOMY, DECOMPRESSION, OTHER
}
