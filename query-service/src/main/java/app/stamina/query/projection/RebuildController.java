package app.stamina.query.projection;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.concurrent.ExecutionException;

/** Operations: rebuild the query service's read models from the topic, and watch it go. */
@RestController
@RequestMapping(path = "/api/v1/admin/read-models/rebuild", produces = MediaType.APPLICATION_JSON_VALUE)
class RebuildController {

    private final ReadModelRebuild rebuild;

    RebuildController(ReadModelRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping
    ResponseEntity<ReadModelRebuild.Status> start() throws ExecutionException, InterruptedException {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(rebuild.start());
    }

    @GetMapping
    ReadModelRebuild.Status status() {
        return rebuild.status();
    }
}
