package app.stamina.api.envelope;

/** Who did it: the token's subject and the role they acted in. */
public record Actor(String sub, String role) {
}
