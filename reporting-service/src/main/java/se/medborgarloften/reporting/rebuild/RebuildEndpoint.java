package se.medborgarloften.reporting.rebuild;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.stereotype.Component;

/**
 * The operator's command: {@code curl -X POST http://127.0.0.1:8080/actuator/rebuild} starts a rebuild,
 * {@code GET /actuator/rebuild} shows how far it has come.
 */
@Component
@Endpoint(id = "rebuild")
class RebuildEndpoint {

    private final ReadModelRebuild rebuild;

    RebuildEndpoint(ReadModelRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @ReadOperation
    RebuildStatus status() {
        return rebuild.status();
    }

    @WriteOperation
    RebuildStatus start() {
        return rebuild.start();
    }
}
