package org.cevns.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The commit of {@code --version} is the commit of the work tree that was built. */
class CevnsVersionTest {
  /**
   * Regression test: built inside a linked worktree ({@code git worktree add}), the commit was the HEAD of the
   * main work tree (git-commit-id-maven-plugin resolves a worktree's {@code .git} file to the main repository).
   * The build now asks git in the project directory, so the recorded commit is this work tree's HEAD, whether
   * it is the main work tree or a linked one. Skipped where the sources are not a git work tree or git is
   * missing (the commit is then {@code unknown}).
   */
  @Test
  void theCommitIsTheHeadOfTheWorkTreeThatWasBuilt() throws IOException, InterruptedException {
    String head = git("rev-parse", "--verify", "HEAD");
    assumeTrue(head != null && head.matches("[0-9a-f]{40,64}"), "not built from a git work tree");
    assertEquals(head, CevnsVersion.commit(), "commit recorded by the build (rebuild if you committed since)");
    String linked = git("rev-parse", "--git-dir");
    String common = git("rev-parse", "--git-common-dir");
    System.out.println("CevnsVersionTest: " + (linked != null && !linked.equals(common) ? "linked worktree" : "main work tree")
        + ", HEAD " + head);
  }

  private static String git(String... args) throws IOException, InterruptedException {
    String[] command = new String[args.length + 1];
    command[0] = "git";
    System.arraycopy(args, 0, command, 1, args.length);
    Process p;
    try {
      p = new ProcessBuilder(command).directory(Path.of("").toAbsolutePath().toFile())
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException e) {
      return null; // no git
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
      return null;
    }
    return out;
  }
}
