package app.stamina.api;

/** The back condition an athlete comes back from. */
public enum Condition implements Coded {
    STRAIN, HERNIATED_DISC, FUSION, SPONDYLOLISTHESIS, STENOSIS, OTHER
}
