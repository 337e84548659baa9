package app.stamina.command.program;

import app.stamina.api.ErrorCode;
import app.stamina.api.Load;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A decision the protocol does not allow. Answered as 422 with {@link #code()} and the extra members. */
public class ProtocolRefusal extends RuntimeException implements Refusal {

    private final ErrorCode code;
    private final Map<String, Object> details;

    private ProtocolRefusal(ErrorCode code, String message, Map<String, Object> details) {
        super(message, null, false, false);
        this.code = code;
        this.details = Map.copyOf(details);
    }

    public static ProtocolRefusal of(ErrorCode code, String message) {
        return new ProtocolRefusal(code, message, Map.of());
    }

    public static ProtocolRefusal withMaxAllowedLoad(ErrorCode code, String message, Load maxAllowedLoad) {
        return new ProtocolRefusal(code, message, Map.of("maxAllowedLoad", maxAllowedLoad));
    }

    public static ProtocolRefusal withMissing(ErrorCode code, String message, List<String> missing) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("missing", List.copyOf(missing));
        return new ProtocolRefusal(code, message, details);
    }

    public ErrorCode code() {
        return code;
    }

    /** Extra members of the problem answer, such as {@code maxAllowedLoad} or {@code missing}. */
    public Map<String, Object> details() {
        return details;
    }
}
