package se.medborgarloften.localstack;

import java.net.URI;

/** A process of the stack that answers HTTP and reports its health on {@code /actuator/health}. */
interface WebProcess {

    /** The module that builds it, also its name in the launcher's output. */
    String module();

    URI url(String pathAndQuery);
}
