package org.cevns.mapreduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.mapreduce.MRJobConfig;
import org.cevns.events.io.HadoopFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression tests of job submission to a cluster, without a cluster (the mini-cluster test of the
 * {@code cluster} profile, module {@code cluster-it}, submits for real).
 */
class ClusterSubmissionTest {
  @TempDir Path tmp;

  static final Path CONFIG = LocalJobs.CONFIGS.resolve("coherent-csi.yaml");

  /** A local file system under another scheme, cached by Hadoop as an {@code hdfs://} file system is. */
  public static final class ProbeFileSystem extends RawLocalFileSystem {
    @Override
    public URI getUri() {
      return URI.create("probe:///");
    }

    @Override
    public String getScheme() {
      return "probe";
    }
  }

  private static ShardedRun.Request request(String out, Integer threads, Map<String, String> props) {
    return new ShardedRun.Request(ShardedRun.Stage.GENERATE, CONFIG, 2, out, 1L, 100L, false, false, false, "zstd",
        threads, false, props, java.util.List.of());
  }

  /**
   * Regression: the client checked the output directory through {@code FileSystem.get} with cevns' raw-local
   * configuration; the cached {@code hdfs://} instance then made the job submitter's
   * {@code JobResourceUploader.copyJar} fail with "RawLocalFileSystem cannot be cast to LocalFileSystem".
   */
  @Test
  void outputCheckDoesNotLeaveTheSubmitterARawLocalFileSystem() throws Exception {
    Configuration base = HadoopFiles.configuration(LocalJobs.conf(tmp));
    base.set("fs.probe.impl", ProbeFileSystem.class.getName());
    ShardedRun.Plan plan = ShardedRun.plan(request("probe://" + tmp.resolve("out"), 1, Map.of()), base);
    // what the job submitter does with the job's output file system
    FileSystem submitter = FileSystem.get(URI.create("probe:///"), plan.job().getConfiguration());
    assertInstanceOf(LocalFileSystem.class, FileSystem.getLocal(submitter.getConf()));
    Path jar = Files.writeString(tmp.resolve("job.jar"), "jar");
    submitter.copyFromLocalFile(new org.apache.hadoop.fs.Path(jar.toUri()),
        new org.apache.hadoop.fs.Path("probe://" + tmp.resolve("staging.jar")));
    assertTrue(Files.exists(tmp.resolve("staging.jar")));
  }

  /** A configuration whose class loader sees {@code mapred-site.xml} and {@code yarn-site.xml} as a gateway's would. */
  private Configuration gateway(String mapredSite, String yarnSite) throws Exception {
    return gateway(siteDirectory(mapredSite, yarnSite));
  }

  private Path siteDirectory(String mapredSite, String yarnSite) throws Exception {
    Path conf = Files.createDirectories(tmp.resolve("etc-hadoop"));
    Files.writeString(conf.resolve("mapred-site.xml"), "<configuration>" + mapredSite + "</configuration>");
    Files.writeString(conf.resolve("yarn-site.xml"), "<configuration>" + yarnSite + "</configuration>");
    return conf;
  }

  static Configuration gateway(Path conf) throws Exception {
    Configuration site = new Configuration();
    site.setClassLoader(new URLClassLoader(new URL[] {conf.toUri().toURL()}, ClusterSubmissionTest.class.getClassLoader()));
    Configuration c = HadoopFiles.configuration(site); // as MapReduceCommand builds it
    c.set("fs.defaultFS", "file:///");
    return c;
  }

  private static String property(String key, String value) {
    return "<property><name>" + key + "</name><value>" + value + "</value></property>";
  }

  /**
   * Regression: mapreduce.framework.name=yarn in mapred-site.xml was not seen (read from a plain Configuration),
   * so the client announced the local job runner, set no job class loader and gave each task as many threads
   * and vcores as the gateway has cores.
   */
  @Test
  void frameworkAndVcoresComeFromMapredSite() throws Exception {
    Configuration base = gateway(property("mapreduce.framework.name", "yarn"), "");
    ShardedRun.Plan plan = ShardedRun.plan(request(tmp.resolve("out").toString(), null, Map.of()), base);
    assertFalse(plan.local());
    assertEquals(1, plan.threadsPerTask(), "mapreduce.map.cpu.vcores default, not the client's cores");
    Configuration job = plan.job().getConfiguration();
    assertEquals("1", job.get(MRJobConfig.MAP_CPU_VCORES));
    assertEquals("true", job.get(MRJobConfig.MAPREDUCE_JOB_CLASSLOADER));
    assertEquals("1", job.get(JobKeys.THREADS));

    base = gateway(property("mapreduce.framework.name", "yarn") + property("mapreduce.map.cpu.vcores", "3"), "");
    plan = ShardedRun.plan(request(tmp.resolve("out").toString(), null, Map.of()), base);
    assertEquals(3, plan.threadsPerTask());
    assertEquals("3", plan.job().getConfiguration().get(MRJobConfig.MAP_CPU_VCORES));
  }

  /**
   * The same in a fresh JVM, as the command runs: there {@link org.apache.hadoop.mapred.JobConf}, which adds
   * mapred-site.xml to every configuration, is not loaded yet when the client reads the framework name (in this
   * test JVM other tests have loaded it, which hid the defect).
   */
  @Test
  void freshClientJvmSeesMapredSite() throws Exception {
    Path site = siteDirectory(property("mapreduce.framework.name", "yarn"), "");
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), FreshClient.class.getName(), site.toString(),
        tmp.resolve("out").toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    assertTrue(out.contains("local=false threads=1"), out);
  }

  /** Main class of {@link #freshClientJvmSeesMapredSite}: plans a job and prints what the client decided. */
  public static final class FreshClient {
    public static void main(String[] args) throws Exception {
      ShardedRun.Plan plan = ShardedRun.plan(request(args[1], null, Map.of()), gateway(Path.of(args[0])));
      System.out.println("local=" + plan.local() + " threads=" + plan.threadsPerTask());
    }
  }

  @Test
  void threadsAboveTheClustersContainerLimitAreRefused() throws Exception {
    Configuration base = gateway(property("mapreduce.framework.name", "yarn"),
        property("yarn.scheduler.maximum-allocation-vcores", "4"));
    assertEquals(4, ShardedRun.plan(request(tmp.resolve("out").toString(), 4, Map.of()), base).threadsPerTask());
    RunSetupException e = assertThrows(RunSetupException.class,
        () -> ShardedRun.plan(request(tmp.resolve("out").toString(), 16, Map.of()), base));
    assertEquals("--threads-per-task: must be <= 4 (yarn.scheduler.maximum-allocation-vcores of the cluster), got 16",
        e.getMessage());
  }

  @Test
  void withoutClusterConfigurationTheLocalRunnerUsesAllCores() throws Exception {
    ShardedRun.Plan plan = ShardedRun.plan(request(tmp.resolve("out").toString(), null, Map.of()), gateway("", ""));
    assertTrue(plan.local());
    assertEquals(Runtime.getRuntime().availableProcessors(), plan.threadsPerTask());
  }
}
