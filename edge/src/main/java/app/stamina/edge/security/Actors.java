package app.stamina.edge.security;

import app.stamina.api.envelope.Actor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Optional;

/** Who is acting on an athlete, and in which of their roles: the one that gave them access. */
public final class Actors {

    private Actors() {
    }

    public static Actor current(String athleteId) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return null;
        }
        return new Actor(authentication.getName(), roleFor(authentication, athleteId).map(Role::code).orElse(null));
    }

    static Optional<Role> roleFor(Authentication authentication, String athleteId) {
        if (has(authentication, Role.ATHLETE) && authentication.getName().equals(athleteId)) {
            return Optional.of(Role.ATHLETE);
        }
        for (Role role : new Role[]{Role.CLINICIAN, Role.ADMIN, Role.RESEARCHER, Role.ATHLETE}) {
            if (has(authentication, role)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    static boolean has(Authentication authentication, Role role) {
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            if (role.authority().equals(authority.getAuthority())) {
                return true;
            }
        }
        return false;
    }
}
