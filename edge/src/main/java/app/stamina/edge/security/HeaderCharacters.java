package app.stamina.edge.security;

import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * The characters Spring Security's {@link StrictHttpFirewall} lets through in header names, header values and
 * parameter names, checked a code point at a time. The firewall's own checks are regular expressions
 * ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*}, and the same with tab for values), matched on every header a
 * request's handling reads: 5 % of what a {@code GET /progress} allocated (BENCHMARKS.md, step 52).
 */
final class HeaderCharacters {

    private HeaderCharacters() {
    }

    /** A firewall that refuses what Spring Security's default refuses, with these checks. */
    static StrictHttpFirewall firewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(HeaderCharacters::assignedAndNotControl);
        firewall.setAllowedHeaderValues(HeaderCharacters::assignedAndNotControlOrTab);
        firewall.setAllowedParameterNames(HeaderCharacters::assignedAndNotControl);
        return firewall;
    }

    /** Every code point assigned in Unicode and none a control character (Cc). */
    static boolean assignedAndNotControl(String text) {
        return allAllowed(text, false);
    }

    /** The same, with tab allowed. */
    static boolean assignedAndNotControlOrTab(String text) {
        return allAllowed(text, true);
    }

    private static boolean allAllowed(String text, boolean tab) {
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int type = Character.getType(codePoint);
            if (type == Character.UNASSIGNED || type == Character.CONTROL && !(tab && codePoint == '\t')) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
