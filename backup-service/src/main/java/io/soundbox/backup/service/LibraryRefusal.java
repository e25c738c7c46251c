package io.soundbox.backup.service;

import io.soundbox.backup.engine.BackupException;
import java.util.Map;

/**
 * library-service did not restore: it answered with a problem (409 with the plan when the restore would
 * lose something and was not confirmed). The resource passes its status and body on as they are.
 */
public class LibraryRefusal extends BackupException {
    private final int status;
    private final transient Map<String, Object> problem;

    public LibraryRefusal(int status, Map<String, Object> problem) {
        super(Kind.FAILED, "library-service answered HTTP " + status + ": " + problem.getOrDefault("detail", problem));
        this.status = status;
        this.problem = problem;
    }

    public int status() {
        return status;
    }

    public Map<String, Object> problem() {
        return problem;
    }
}
