package dev.tracklight.core.problem;

/** Raised where a request cannot be served; the handler answers with the problem it carries. */
public class ProblemException extends Exception {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
