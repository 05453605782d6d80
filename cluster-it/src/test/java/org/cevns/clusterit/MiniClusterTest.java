package org.cevns.clusterit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.mapreduce.Cluster;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.JobID;
import org.apache.hadoop.mapreduce.TaskCompletionEvent;
import org.apache.hadoop.mapreduce.v2.MiniMRYarnCluster;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code cevns mapreduce} on a real mini cluster in one JVM: HDFS (MiniDFSCluster) and YARN with the MapReduce
 * application master (MiniMRYarnCluster). The jobs are submitted as a user submits them, from another JVM
 * running the shaded {@code cli/target/cevns.jar} with the cluster's configuration directory
 * ({@code core-site.xml}, {@code mapred-site.xml} with {@code mapreduce.framework.name=yarn}, {@code yarn-site.xml}),
 * output on {@code hdfs://}; the output is read back from HDFS and compared row for row with the unsharded run
 * of {@code java -jar cevns.jar} on the local file system.
 *
 * <p>The cluster's class path (this module's test class path: Hadoop 3.4.1 with its Jackson 2.12 and an
 * unrelocated Parquet) comes first in the {@code hadoop jar} run and in the task containers, as on a real
 * cluster; cevns' relocated libraries must not be shadowed by it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MiniClusterTest {
  static final Path JAR = Path.of(System.getProperty("cevns.jar", "../cli/target/cevns.jar")).toAbsolutePath();
  static final Path CONFIG = Path.of(System.getProperty("cevns.configs", "../configs"), "coherent-csi.yaml")
      .toAbsolutePath();
  static final int BLOCK = 65_536;
  static final int SHARDS = 3;
  /** Two full blocks per shard and a partial one: every shard has a block to be killed after. */
  static final long EVENTS = 6L * BLOCK + 4321;
  static final long SEED = 20211;

  Path work;
  Path siteDir;
  MiniDFSCluster dfs;
  MiniMRYarnCluster yarn;
  Configuration clusterConf;
  FileSystem hdfs;

  @BeforeAll
  void startCluster() throws Exception {
    assertTrue(Files.isRegularFile(JAR), JAR + ": build it first (mvn -B verify -Pcluster builds the reactor)");
    work = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "cluster-");
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, work.resolve("dfs").toString());
    dfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
    dfs.waitActive();
    conf = new Configuration(dfs.getConfiguration(0));
    conf.set("fs.defaultFS", dfs.getFileSystem().getUri().toString());
    conf.setInt("yarn.nodemanager.resource.memory-mb", 4096);
    conf.setInt("yarn.nodemanager.resource.cpu-vcores", 4);
    conf.setInt("yarn.scheduler.minimum-allocation-mb", 256);
    conf.setBoolean("yarn.nodemanager.vmem-check-enabled", false);
    // YARN stops running containers when a disk is more than 90 % used by Java's measure ((total - usable) / total,
    // which counts the filesystem's reserved blocks): on a developer's nearly full disk the jobs then waited with no
    // CPU in use until the disk was cleaned (.ci/run, 2026-12-05). The test needs little space; allow up to 99.5 %.
    conf.setFloat("yarn.nodemanager.disk-health-checker.max-disk-utilization-per-disk-percentage", 99.5f);
    conf.setInt("yarn.app.mapreduce.am.resource.mb", 768);
    conf.set("yarn.app.mapreduce.am.command-opts", "-Xmx512m");
    conf.setInt("mapreduce.map.memory.mb", 1024);
    conf.set("mapreduce.map.java.opts", "-Xmx768m");
    yarn = new MiniMRYarnCluster("cevns-it", 1);
    yarn.init(conf);
    yarn.start();
    clusterConf = new Configuration(yarn.getConfig());
    hdfs = dfs.getFileSystem();
    siteDir = writeSiteFiles(clusterConf, Files.createDirectories(work.resolve("etc-hadoop")));
  }

  @AfterAll
  void stopCluster() {
    if (yarn != null) {
      yarn.stop();
    }
    if (dfs != null) {
      dfs.shutdown();
    }
  }

  /**
   * The cluster's configuration as a gateway has it: everything in yarn-site.xml (read last), the default file
   * system also in core-site.xml, and mapreduce.framework.name only in mapred-site.xml, where clusters keep it.
   * The containers' class path is the cluster's installation (this JVM's class path) through
   * mapreduce.application.classpath, as on a real cluster; yarn.is.minicluster is left out, since with it the
   * client would hand its own class path (only cevns.jar) to the containers.
   */
  static Path writeSiteFiles(Configuration cluster, Path dir) throws IOException {
    Configuration all = new Configuration(false);
    for (Map.Entry<String, String> e : cluster) {
      if (!e.getKey().equals("mapreduce.framework.name") && !e.getKey().equals("yarn.is.minicluster")) {
        all.set(e.getKey(), e.getValue());
      }
    }
    all.set("mapreduce.application.classpath", System.getProperty("java.class.path").replace(File.pathSeparatorChar, ','));
    all.set("yarn.application.classpath", "");
    write(all, dir.resolve("yarn-site.xml"));
    Configuration core = new Configuration(false);
    core.set("fs.defaultFS", cluster.get("fs.defaultFS"));
    write(core, dir.resolve("core-site.xml"));
    Configuration mapred = new Configuration(false);
    mapred.set("mapreduce.framework.name", "yarn");
    write(mapred, dir.resolve("mapred-site.xml"));
    return dir;
  }

  private static void write(Configuration c, Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      c.writeXml(out);
    }
  }

  /** A finished command: exit code and its merged output. */
  record Run(int exit, String output) {
    String jobId() {
      Matcher m = Pattern.compile("job (job_\\d+_\\d+)").matcher(output);
      assertTrue(m.find(), output);
      return m.group(1);
    }
  }

  /** Runs {@code java -cp CLASSPATH MAIN ARGS} and waits (at most 10 minutes). */
  static Run java(String classPath, String main, List<String> args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx1g", "-cp", classPath, main));
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    // as `hadoop jar` users should (docs/scale.md): RunJar would otherwise unpack the 40 000 files of the jar
    // into a temporary directory and delete them again at exit (over a minute on a loaded machine)
    pb.environment().put("HADOOP_CLIENT_SKIP_UNJAR", "true");
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(10, TimeUnit.MINUTES), "timeout: " + cmd);
    String text = new String(out, StandardCharsets.UTF_8);
    System.out.println("$ " + String.join(" ", cmd.subList(4, cmd.size())) + "\n" + text);
    return new Run(p.exitValue(), text);
  }

  /** The class path of the cluster's client: its configuration directory and its Hadoop, Jackson, Parquet ... */
  String clusterClassPath() {
    return siteDir + File.pathSeparator + System.getProperty("java.class.path");
  }

  /**
   * {@code hadoop jar cevns.jar mapreduce generate ...}: Hadoop's RunJar with the cluster's class path first
   * (its Jackson 2.12 and Parquet before the jar's), output on hdfs://; the first attempt of shard 1 is killed
   * (its JVM halts after one block): the job succeeds, the output holds exactly one file per shard, and the rows
   * equal those of the unsharded local run.
   */
  @Test
  void hadoopJarGenerateOnHdfsEqualsTheLocalRunAndAKilledAttemptLeavesNoFile() throws Exception {
    Run run = java(clusterClassPath(), "org.apache.hadoop.util.RunJar", List.of(JAR.toString(), "mapreduce",
        "generate", CONFIG.toString(), "--shards", Integer.toString(SHARDS), "--events", Long.toString(EVENTS),
        "--seed", Long.toString(SEED), "-o", "hdfs:///user/cevns/generate", "-D",
        "cevns.mr.test.halt_shard_after_blocks=1:1"));
    assertEquals(0, run.exit(), run.output());
    assertTrue(run.output().contains("cluster job runner"), run.output());
    assertTrue(run.output().contains("1 thread per task"), "mapreduce.map.cpu.vcores, not the client's cores");

    List<TaskCompletionEvent> failed = failedAttempts(run.jobId());
    assertEquals(1, failed.size(), failed.toString());
    assertEquals(1, failed.get(0).getTaskAttemptId().getTaskID().getId());
    assertEquals(0, failed.get(0).getTaskAttemptId().getId());

    Path local = work.resolve("generate-local.parquet");
    Run whole = java(JAR.toString(), "org.cevns.cli.Main", List.of("generate", CONFIG.toString(), "--events",
        Long.toString(EVENTS), "--seed", Long.toString(SEED), "-o", local.toString(), "--quiet"));
    assertEquals(0, whole.exit(), whole.output());
    assertSameRows(local, fetch("/user/cevns/generate"));
  }

  /**
   * {@code java -cp CONF:cevns.jar org.cevns.cli.Main mapreduce simulate ...} (the bundled client), with the job
   * class loader switched off, so the task containers load the cluster's Jackson and Parquet first and cevns'
   * relocated copies must still be the ones cevns uses.
   */
  @Test
  void bundledClientSimulateOnHdfsEqualsTheLocalRun() throws Exception {
    Run run = java(siteDir + File.pathSeparator + JAR, "org.cevns.cli.Main", List.of("mapreduce", "simulate",
        CONFIG.toString(), "--shards", Integer.toString(SHARDS), "--events", Long.toString(EVENTS / 4), "--seed",
        Long.toString(SEED), "-o", "hdfs:///user/cevns/simulate", "-D", "mapreduce.job.classloader=false"));
    assertEquals(0, run.exit(), run.output());
    assertTrue(run.output().contains("cluster job runner"), run.output());
    assertEquals(List.of(), failedAttempts(run.jobId()));

    Path local = work.resolve("simulate-local.parquet");
    Run whole = java(JAR.toString(), "org.cevns.cli.Main", List.of("simulate", CONFIG.toString(), "--events",
        Long.toString(EVENTS / 4), "--seed", Long.toString(SEED), "-o", local.toString(), "--quiet"));
    assertEquals(0, whole.exit(), whole.output());
    assertSameRows(local, fetch("/user/cevns/simulate"));
  }

  /** {@code cevns mapreduce toys} on the cluster: the same rows as {@code cevns toys} run locally. */
  @Test
  void toysOnHdfsEqualTheLocalToys() throws Exception {
    List<String> common = List.of("--toys", "20", "--seed", Long.toString(SEED), "--max-template-events", "100000",
        "--quiet");
    List<String> args = new ArrayList<>(List.of("mapreduce", "toys", CONFIG.toString(), "--shards", "2", "-o",
        "hdfs:///user/cevns/toys"));
    args.addAll(common);
    Run run = java(siteDir + File.pathSeparator + JAR, "org.cevns.cli.Main", args);
    assertEquals(0, run.exit(), run.output());
    Path local = work.resolve("toys-local");
    List<String> localArgs = new ArrayList<>(List.of("toys", CONFIG.toString(), "--threads", "2", "-o",
        local.toString()));
    localArgs.addAll(common);
    Run whole = java(JAR.toString(), "org.cevns.cli.Main", localArgs);
    assertEquals(0, whole.exit(), whole.output());
    Path fetched = Files.createDirectories(work.resolve("toys-from-hdfs"));
    List<String> names = new ArrayList<>();
    for (FileStatus s : hdfs.listStatus(new org.apache.hadoop.fs.Path("/user/cevns/toys"))) {
      names.add(s.getPath().getName());
      hdfs.copyToLocalFile(s.getPath(), new org.apache.hadoop.fs.Path(fetched.resolve(s.getPath().getName()).toUri()));
    }
    names.sort(null);
    assertEquals(List.of("_SUCCESS", "part-m-00000.parquet", "part-m-00001.parquet"), names);
    List<String> expected = rows(local.resolve("part-00000.parquet"));
    List<String> actual = new ArrayList<>(rows(fetched.resolve("part-m-00000.parquet")));
    actual.addAll(rows(fetched.resolve("part-m-00001.parquet")));
    assertEquals(20, expected.size());
    assertEquals(expected, actual);
  }

  private List<TaskCompletionEvent> failedAttempts(String jobId) throws Exception {
    Cluster cluster = new Cluster(clusterConf);
    try {
      Job job = cluster.getJob(JobID.forName(jobId));
      List<TaskCompletionEvent> failed = new ArrayList<>();
      for (TaskCompletionEvent e : job.getTaskCompletionEvents(0, 1000)) {
        if (e.getStatus() != TaskCompletionEvent.Status.SUCCEEDED) {
          failed.add(e);
        }
      }
      return failed;
    } finally {
      cluster.close();
    }
  }

  /** Copies a job's output directory from HDFS; checks it holds exactly _SUCCESS and one file per shard. */
  private Path fetch(String dir) throws IOException {
    List<String> names = new ArrayList<>();
    for (FileStatus s : hdfs.listStatus(new org.apache.hadoop.fs.Path(dir))) {
      names.add(s.getPath().getName());
    }
    names.sort(null);
    List<String> expected = new ArrayList<>(List.of("_SUCCESS"));
    for (int i = 0; i < SHARDS; i++) {
      expected.add(String.format("part-m-%05d.parquet", i));
    }
    assertEquals(expected, names, "no _temporary, no file of the killed attempt");
    Path local = Files.createDirectories(work.resolve(Path.of(dir).getFileName() + "-from-hdfs"));
    for (String n : names) {
      hdfs.copyToLocalFile(new org.apache.hadoop.fs.Path(dir, n), new org.apache.hadoop.fs.Path(local.resolve(n).toUri()));
    }
    return local;
  }

  /** The rows of the shards (in name order) equal the unsharded file's; so does the common metadata. */
  private static void assertSameRows(Path whole, Path shardDir) throws IOException {
    List<String> expected = rows(whole);
    List<String> actual = new ArrayList<>();
    List<Path> shards;
    try (Stream<Path> s = Files.list(shardDir)) {
      shards = s.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList();
    }
    Map<String, String> wholeMeta = metadata(whole);
    for (Path shard : shards) {
      actual.addAll(rows(shard));
      Map<String, String> meta = metadata(shard);
      for (String key : List.of("cevns.config", "cevns.seed", "cevns.version")) {
        assertEquals(wholeMeta.get(key), meta.get(key), key);
      }
    }
    assertFalse(expected.isEmpty());
    assertEquals(expected.size(), actual.size(), "rows");
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i), actual.get(i), "row " + i);
    }
  }

  private static List<String> rows(Path file) throws IOException {
    List<String> out = new ArrayList<>();
    Configuration conf = new Configuration();
    try (ParquetReader<Group> r = ParquetReader.builder(new GroupReadSupport(),
        new org.apache.hadoop.fs.Path(file.toUri())).withConf(conf).build()) {
      for (Group g = r.read(); g != null; g = r.read()) {
        out.add(g.toString());
      }
    }
    return out;
  }

  private static Map<String, String> metadata(Path file) throws IOException {
    try (ParquetFileReader r = ParquetFileReader.open(HadoopInputFile.fromPath(
        new org.apache.hadoop.fs.Path(file.toUri()), new Configuration()))) {
      return new TreeMap<>(r.getFooter().getFileMetaData().getKeyValueMetaData());
    }
  }
}
