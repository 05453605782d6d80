package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Failures of the environment rather than of cevns: one line naming the cause and the remedy, not "internal error
 * ... please report it".
 */
class EnvironmentFailureTest {
  /**
   * zstd-jni unpacks its native library into java.io.tmpdir: a full temporary directory was "internal error:
   * java.lang.ExceptionInInitializerError: Cannot unpack libzstd-jni-1.5.7-3: No space left on device (please report
   * it; ...)", a noexec one a three-line UnsatisfiedLinkError, for every command reading or writing Parquet.
   */
  @Test
  void aNativeLibraryThatCannotBeUnpackedNamesTheTemporaryDirectory() {
    String tmp = System.getProperty("java.io.tmpdir");
    Failure full = Failure.of(new IllegalStateException("worker failed",
        new ExceptionInInitializerError("Cannot unpack libzstd-jni-1.5.7-3: No space left on device")));
    assertEquals(Main.EXIT_INTERNAL_ERROR, full.exitCode());
    assertEquals("cannot load the native ZSTD library, which zstd-jni unpacks into the temporary directory " + tmp
        + " (No space left on device); free space there, or use a writable directory not mounted noexec: TMPDIR=DIR"
        + " with bin/cevns, or java -Djava.io.tmpdir=DIR", full.message());
    Failure noexec = Failure.of(new UnsatisfiedLinkError(tmp + "/libzstd-jni-1.5.7-3123.so: " + tmp
        + "/libzstd-jni-1.5.7-3123.so: failed to map segment from shared object\nno zstd-jni-1.5.7-3 in"
        + " java.library.path: /usr/lib\nUnsupported OS/arch, cannot find /linux/amd64/libzstd-jni-1.5.7-3.so"));
    assertEquals(Main.EXIT_INTERNAL_ERROR, noexec.exitCode());
    assertTrue(noexec.message().contains("(failed to map segment from shared object); free space there"),
        noexec.message());
    assertTrue(Failure.of(new ExceptionInInitializerError("other")).message().startsWith("internal error: "));
  }

  /**
   * TMPDIR=/tmp/t mp ü under LC_ALL=C: the JVM's java.io.tmpdir holds U+FFFD, zstd-jni finds no such directory, and
   * the message said "(No such file or directory); free space there" (walkportable).
   */
  @Test
  void aTemporaryDirectoryTheLocaleCannotDecodeIsNamedAsSuch() {
    Throwable e = new UnsatisfiedLinkError("Cannot unpack libzstd-jni-1.5.7-3: No such file or directory");
    assertEquals("cannot load the native ZSTD library, which zstd-jni unpacks into the temporary directory /tmp/t mp ??"
        + " (No such file or directory); its name holds characters that the locale's encoding (ANSI_X3.4-1968) cannot"
        + " represent: run cevns under a UTF-8 locale, e.g. LC_ALL=C.UTF-8, or set TMPDIR to an ASCII name",
        NativeLibraryFailure.message(e, "/tmp/t mp \uFFFD\uFFFD", "ANSI_X3.4-1968"));
    assertTrue(NativeLibraryFailure.message(e, "/tmp/x", "UTF-8").endsWith("; free space there, or use a writable"
        + " directory not mounted noexec: TMPDIR=DIR with bin/cevns, or java -Djava.io.tmpdir=DIR"));
  }

  /**
   * Under the C locale the JVM decodes arguments as ASCII, every byte of a non-ASCII one becoming U+FFFD: generate
   * -o /tmp/ünï/x.parquet made all its events, then failed with "internal error: java.nio.file.InvalidPathException"
   * and left a directory named "??n??"; detsim -i said "no such file or directory".
   */
  @Test
  void anArgumentTheLocaleCannotDecodeIsRefused() {
    String[] args = {"generate", "c.yaml", "-o", "/tmp/\uFFFD\uFFFDn\uFFFD\uFFFD/x.parquet"};
    assertEquals("argument '/tmp/??n??/x.parquet' holds characters that the locale's encoding (ANSI_X3.4-1968)"
        + " cannot represent; run cevns under a UTF-8 locale, e.g. LC_ALL=C.UTF-8",
        ArgumentEncoding.check(args, "ANSI_X3.4-1968"));
    assertNull(ArgumentEncoding.check(args, "UTF-8"), "U+FFFD is a character of its own in UTF-8");
    assertNull(ArgumentEncoding.check(new String[] {"generate", "c.yaml", "-o", "/tmp/x.parquet"}, "ANSI_X3.4-1968"));
  }

  /**
   * LC_ALL=en_US.UTF-8 on a machine without that locale (ssh from a laptop): the JVM decodes as ASCII, and the message
   * told the user, who had asked for a UTF-8 locale, to run under a UTF-8 locale (walkportable).
   */
  @Test
  void aUtf8LocaleThatIsNotInstalledIsNamed() {
    String[] args = {"rates", "my cfg \uFFFD\uFFFD.yaml"};
    assertEquals("argument 'my cfg ??.yaml' holds characters that the locale's encoding (ANSI_X3.4-1968) cannot"
        + " represent; LC_ALL=en_US.UTF-8 is not installed on this machine (locale -a lists those that are): run cevns"
        + " under one that is, e.g. LC_ALL=C.UTF-8",
        ArgumentEncoding.check(args, "ANSI_X3.4-1968", Map.of("LC_ALL", "en_US.UTF-8", "LANG", "C")));
    assertTrue(ArgumentEncoding.check(args, "ANSI_X3.4-1968", Map.of("LANG", "de_DE.utf8", "LC_ALL", ""))
        .contains("; LANG=de_DE.utf8 is not installed on this machine"), "an empty LC_ALL is unset");
    assertTrue(ArgumentEncoding.check(args, "ANSI_X3.4-1968", Map.of("LC_ALL", "C", "LANG", "en_US.UTF-8"))
        .endsWith("cannot represent; run cevns under a UTF-8 locale, e.g. LC_ALL=C.UTF-8"), "LC_ALL=C wins over LANG");
  }

  /**
   * Java 24+ (Temurin 25): Hadoop's UserGroupInformation calls Subject.getSubject, which throws; mapreduce generate was
   * "internal error: java.lang.UnsupportedOperationException: getSubject is not supported (please report it; ...)".
   */
  @Test
  void hadoopOnAJavaWithoutGetSubjectNamesTheJavaVersions() {
    Failure f = Failure.of(new RuntimeException("job failed", new UnsupportedOperationException(
        "getSubject is not supported")));
    assertEquals(Main.EXIT_INTERNAL_ERROR, f.exitCode());
    assertEquals("Hadoop's client library (its user and job handling: MapReduce, hdfs://) needs Subject.getSubject,"
        + " which Java " + Runtime.version().feature() + " no longer supports (since Java 24); run this command with"
        + " Java 17 to 23, e.g. JAVA_HOME=/path/to/jdk-17 with bin/cevns", f.message());
  }

  /**
   * Hadoop's classes are in lib/cevns-hadoop.jar beside cevns.jar: the jar copied alone failed the commands that read
   * Parquet with "internal error: java.lang.NoClassDefFoundError: org/apache/hadoop/fs/Path (please report it; ...)".
   */
  @Test
  void hadoopMissingBesideTheJarNamesItsJar() {
    Failure f = Failure.of(new IllegalStateException("reader failed", new NoClassDefFoundError(
        "org/apache/hadoop/fs/Path")));
    assertEquals(Main.EXIT_INTERNAL_ERROR, f.exitCode());
    assertEquals("Hadoop's classes are missing (org/apache/hadoop/fs/Path): cevns.jar loads them from"
        + " lib/cevns-hadoop.jar beside it (its manifest's Class-Path); copy cli/target/lib with the jar", f.message());
    assertTrue(Failure.of(new NoClassDefFoundError("org/cevns/Other")).message().startsWith("internal error"));
  }
}
