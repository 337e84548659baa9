package app.stamina.edge;

import java.io.IOException;

/** A request body went past the limit while it was being read. */
class PayloadTooLarge extends IOException {

    PayloadTooLarge(long limit) {
        super("the request body is larger than " + limit + " bytes");
    }
}
