package app.stamina.api;

/** Where a hold's load sits: none, on both sides (a weighted vest), or held out to the left or the right. */
public enum Placement implements Coded {
    NONE, SYMMETRIC, LEFT, RIGHT
}
