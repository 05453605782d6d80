package org.cevns.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.cevns.events.block.EventDictionary;
import org.cevns.events.io.OutputExistsException;
import org.cevns.events.io.SimParquetSink;
import org.cevns.events.io.TruthParquetSink;
import org.cevns.events.io.WriteOptions;

/**
 * Opening output files with user-facing errors (exit 2) for the mistakes a user makes: an existing output
 * without {@code --overwrite}, an output that is one of the inputs, a path that cannot be created (read-only
 * or missing directory, name too long, unknown or unavailable file system). A local output loads no Hadoop class:
 * an existing output is cevns' {@link OutputExistsException}, not Hadoop's {@code FileAlreadyExistsException}.
 */
final class OutputFiles {
  private OutputFiles() {}

  private static UserException exists(String output, OutputExistsException e) {
    return new UserException(output + (e.isDirectory() ? ": is a directory"
        : ": exists; use --overwrite to replace it"));
  }

  /** An output path that cannot be opened: one line naming the path and the cause (exit 2). */
  static UserException cannotWrite(String output, Throwable e) {
    Throwable c = e;
    while (c.getCause() != null && c.getCause() != c && (c.getMessage() == null || c instanceof RuntimeException
        && c.getCause() instanceof ClassNotFoundException)) {
      c = c.getCause();
    }
    String m = String.valueOf(c.getMessage());
    if (c instanceof ClassNotFoundException) {
      m = "no file system implementation on the classpath (" + m + ")";
    } else if (c instanceof java.nio.file.FileSystemException f && f.getFile() != null) {
      String reason = f.getReason() == null ? nioReason(f) : f.getReason(); // java.nio may name only the file
      m = staging(f.getFile()) ? "cannot create a file or directory in " + java.nio.file.Path.of(f.getFile())
          .getParent() + ": " + reason : f.getFile() + ": " + reason;
    }
    return new UserException(output + ": cannot write here: " + m, e);
  }

  /**
   * True for the hidden name an output is written under until complete ({@code .NAME.TOKEN.inprogress}): a message
   * names the directory it could not be made in, not a name the user never gave.
   */
  private static boolean staging(String file) {
    String name = java.nio.file.Path.of(file).getFileName().toString();
    return name.startsWith(".") && name.endsWith(org.cevns.events.io.HadoopFiles.IN_PROGRESS_SUFFIX);
  }

  /** What a java.nio exception without a reason means (local outputs are written with java.nio). */
  private static String nioReason(java.nio.file.FileSystemException f) {
    if (f instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (f instanceof java.nio.file.FileAlreadyExistsException || f instanceof java.nio.file.NotDirectoryException) {
      return "not a directory";
    }
    if (f instanceof java.nio.file.NoSuchFileException) {
      return "no such file or directory";
    }
    return f.getClass().getSimpleName();
  }

  static TruthParquetSink openTruth(String output, EventDictionary dictionary, Map<String, String> metadata,
      WriteOptions options) throws IOException {
    try {
      return TruthParquetSink.open(output, dictionary, metadata, options);
    } catch (OutputExistsException e) {
      throw exists(output, e);
    } catch (IllegalArgumentException e) {
      throw new UserException(output + ": " + e.getMessage(), e);
    } catch (IOException | RuntimeException e) {
      throw cannotWrite(output, e);
    }
  }

  static SimParquetSink openEvents(String output, EventDictionary dictionary, List<String> components,
      Map<String, String> metadata, WriteOptions options) throws IOException {
    return openEvents(output, dictionary, components, metadata, options,
        org.cevns.events.io.TruthMetadata.weightScale(metadata));
  }

  /** As above, with every weight multiplied by {@code weightScale}. */
  static SimParquetSink openEvents(String output, EventDictionary dictionary, List<String> components,
      Map<String, String> metadata, WriteOptions options, double weightScale) throws IOException {
    try {
      return SimParquetSink.open(output, dictionary, components, metadata, options, weightScale);
    } catch (OutputExistsException e) {
      throw exists(output, e);
    } catch (IllegalArgumentException e) {
      throw new UserException(output + ": " + e.getMessage(), e);
    } catch (IOException | RuntimeException e) {
      throw cannotWrite(output, e);
    }
  }

  /**
   * Refuses an output that is one of the inputs, lies inside an input directory, or (for a directory output)
   * contains an input, comparing paths after resolving symbolic links; with or without {@code --overwrite}.
   * Paths with a scheme other than {@code file:} are compared as normalised URIs.
   *
   * @param output the output path (file or directory)
   * @param inputs the configuration and the input files or directories
   */
  static void refuseInputs(String output, List<String> inputs) {
    Path out = resolved(output);
    for (String in : withIncludedConfigs(inputs)) {
      if (in == null) {
        continue;
      }
      Path i = resolved(in);
      if (out == null || i == null) {
        if (normalisedUri(output).equals(normalisedUri(in))) {
          throw new UserException(output + ": is also an input (" + in + "); choose another output");
        }
        continue;
      }
      if (out.equals(i)) {
        throw new UserException(output + ": is also an input (" + in + "); choose another output");
      }
      if (out.startsWith(i)) {
        throw new UserException(output + ": lies inside the input directory " + in + "; choose another output");
      }
      if (i.startsWith(out)) {
        throw new UserException(output + ": contains the input " + in + "; choose another output");
      }
    }
  }

  /**
   * {@code inputs} and, for each YAML configuration among them, the files it includes ({@code include:}): a run
   * reads them as much as the configuration, so an output must not replace them either.
   */
  private static List<String> withIncludedConfigs(List<String> inputs) {
    List<String> all = new java.util.ArrayList<>();
    for (String in : inputs) {
      if (in == null) {
        continue;
      }
      all.add(in);
      if ((in.endsWith(".yaml") || in.endsWith(".yml")) && java.nio.file.Files.isRegularFile(Path.of(in))) {
        try {
          org.cevns.schema.ConfigLoader.includedFiles(Path.of(in)).forEach(p -> all.add(p.toString()));
        } catch (RuntimeException e) {
          // the configuration itself was loaded before this check; a file that cannot be read again is not ours
        }
      }
    }
    return all;
  }

  /** The real local path of {@code p} (links resolved; for a missing file, its nearest existing parent's), else null. */
  static Path resolved(String p) {
    Path path;
    try {
      URI u = URI.create(p.replace(" ", "%20"));
      if (u.getScheme() != null && u.getScheme().length() > 1) {
        if (!"file".equals(u.getScheme())) {
          return null;
        }
        path = Paths.get(u);
      } else {
        path = Paths.get(p);
      }
    } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
      try {
        path = Paths.get(p);
      } catch (InvalidPathException invalid) {
        return null;
      }
    }
    Path abs = path.toAbsolutePath().normalize();
    Path tail = abs.getFileSystem().getPath("");
    for (Path cur = abs; cur != null; cur = cur.getParent()) {
      if (Files.exists(cur)) {
        try {
          return cur.toRealPath().resolve(tail).normalize();
        } catch (IOException e) {
          return abs;
        }
      }
      tail = cur.getFileName().resolve(tail);
    }
    return abs;
  }

  private static String normalisedUri(String p) {
    try {
      return URI.create(p).normalize().toString();
    } catch (IllegalArgumentException e) {
      return p;
    }
  }
}
