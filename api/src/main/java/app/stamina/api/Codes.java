package app.stamina.api;

/** The codes of each {@link Coded} enum's constants, in their order. */
final class Codes {

    static final ClassValue<String[]> OF_ENUM = new ClassValue<>() {
        @Override
        protected String[] computeValue(Class<?> type) {
            Object[] constants = type.isEnum() ? type.getEnumConstants() : type.getSuperclass().getEnumConstants();
            String[] codes = new String[constants.length];
            for (int i = 0; i < constants.length; i++) {
                codes[i] = Coded.codeOf(((Enum<?>) constants[i]).name());
            }
            return codes;
        }
    };

    private Codes() {
    }
}
