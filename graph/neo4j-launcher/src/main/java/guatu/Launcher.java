package guatu;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.storageengine.api.TransactionIdStore;

/**
 * guatu's local Neo4j: Neo4j Community embedded, reachable over Bolt on 127.0.0.1 only.
 *
 * <p>Started by graph/neo4j/launcher.ts, which owns the other end of this process's stdin. The
 * DBMS lives exactly as long as that pipe: when it reaches end-of-file (the Node parent closed it,
 * exited or was killed) the DBMS shuts down cleanly and the JVM exits, so no JVM outlives the
 * product. SIGINT and SIGTERM take the same path through a shutdown hook.
 *
 * <p>A {@link QueryWatchdog} thread stops the API's read queries that run on past their time
 * limit because Neo4j cannot interrupt them (a catastrophic regular expression, say).
 *
 * <p>Arguments: {@code --home DIR --port N --pagecache SIZE --tx-timeout SECONDS --tx-memory SIZE}.
 * The password comes from the environment variable GUATU_NEO4J_PASSWORD, not the command line,
 * which any local user can read.
 *
 * <p>What it prints, for the Node side to read: on stdout one line {@code guatu-launcher: ready
 * PORT} once the password is in force; on failure, one line on stderr {@code guatu-launcher:
 * error: MESSAGE} and an exit status from {@link Exit}. A line {@code last-tx} on stdin is
 * answered on stdout with {@code guatu-launcher: last-tx N}, the id of the newest transaction
 * readers can see (-1 before the database is up): the console's copy of the graph
 * (graph/neo4j/console-copy.ts) asks it to know whether it has fallen behind, which Neo4j
 * Community does not say over Bolt ({@code SHOW DATABASES} leaves lastCommittedTxn null).
 */
public final class Launcher {
  /** Exit statuses, part of the contract with launcher.ts. */
  static final class Exit {
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int PORT_IN_USE = 3;
    static final int DATA_IN_USE = 4;

    private Exit() {}
  }

  private static final String USER = "neo4j";
  private static final Duration PASSWORD_TIMEOUT = Duration.ofMinutes(5);

  /**
   * How long a query the API started may run on after Neo4j terminated it (its time limit, or
   * its client gone) before {@link QueryWatchdog} stops its thread: long enough for any query
   * that checks for termination to notice, short enough that a runaway frees its core soon.
   */
  private static final long STUCK_QUERY_GRACE_MS = 2_000;
  private static final PrintStream out = System.out;
  private static final PrintStream err = System.err;

  /** Counted down once build and password are done, whether they worked or not. */
  private static final CountDownLatch settled = new CountDownLatch(1);

  private static volatile DatabaseManagementService dbms;

  private Launcher() {}

  public static void main(String[] args) {
    Map<String, String> options;
    try {
      options = parseOptions(args);
    } catch (IllegalArgumentException e) {
      fail(Exit.USAGE, e.getMessage());
      return;
    }
    String password = System.getenv("GUATU_NEO4J_PASSWORD");
    if (password == null || password.isEmpty()) {
      fail(Exit.USAGE, "GUATU_NEO4J_PASSWORD is not set");
      return;
    }

    Runtime.getRuntime().addShutdownHook(new Thread(Launcher::shutDown, "guatu-shutdown"));
    // Watch stdin from the very start: a parent that dies while Neo4j is still starting must
    // not leave it running.
    Thread watcher = new Thread(Launcher::exitAtEndOfInput, "guatu-parent-watch");
    watcher.setDaemon(true);
    watcher.start();

    int port = Integer.parseInt(options.get("port"));
    try {
      dbms = build(options, port);
      setPassword(dbms, password);
    } catch (Throwable e) {
      settled.countDown();
      if (hasCause(e, BindException.class) || hasCauseNamed(e, "PortBindException")) {
        fail(Exit.PORT_IN_USE, "port " + port + " on 127.0.0.1 is already in use");
      } else if (hasCauseNamed(e, "FileLockException")) {
        fail(
            Exit.DATA_IN_USE,
            "the data folder " + options.get("home") + " is in use by another Neo4j process");
      } else {
        e.printStackTrace(err);
        fail(Exit.FAILED, rootMessage(e) + " (see " + options.get("home") + "/logs/debug.log)");
      }
      return;
    }
    settled.countDown();
    QueryWatchdog.start(
        dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME), STUCK_QUERY_GRACE_MS, err);

    out.println("guatu-launcher: ready " + port);
    out.flush();
    try {
      // Everything from here on happens in the watcher or the shutdown hook.
      new CountDownLatch(1).await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static DatabaseManagementService build(Map<String, String> options, int port) {
    return new DatabaseManagementServiceBuilder(Path.of(options.get("home")))
        .setConfig(BoltConnector.enabled, true)
        .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
        .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
        // Embedded Neo4j has no web server; these say so explicitly should that ever change.
        .setConfig(HttpConnector.enabled, false)
        .setConfig(HttpsConnector.enabled, false)
        .setConfig(GraphDatabaseSettings.auth_enabled, true)
        .setConfig(GraphDatabaseSettings.allow_file_urls, false)
        .setConfig(GraphDatabaseSettings.udc_enabled, false)
        .setConfig(
            GraphDatabaseSettings.transaction_timeout,
            Duration.ofSeconds(Long.parseLong(options.get("tx-timeout"))))
        .setConfig(
            GraphDatabaseSettings.memory_transaction_max_size,
            ByteUnit.parse(options.get("tx-memory")))
        // All transactions together, too: a few console queries each just under their own limit
        // would otherwise fill the heap, and this JVM exits on OutOfMemoryError. A query refused
        // here gets Neo4j's MemoryPoolOutOfMemoryError, which the API answers as a 422.
        .setConfig(
            GraphDatabaseSettings.memory_transaction_global_max_size,
            Math.max(
                ByteUnit.parse(options.get("tx-memory")),
                Runtime.getRuntime().maxMemory() * 6 / 10))
        .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(options.get("pagecache")))
        // Preallocated transaction logs would take 256 MB per database for a graph of a few MB.
        .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
        // Bolt's shutdown otherwise idles 5 s twice, after the stores are already checkpointed and
        // closed; the only clients are guatu's own, which have hung up by then. (debug.log then
        // warns that the event loops' termination was cut short: expected.)
        .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
        .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
        .build();
  }

  /**
   * Makes GUATU_NEO4J_PASSWORD the password of user neo4j, on every start: the variable is the one
   * source of truth, so changing it and restarting changes the password. Embedded access is
   * trusted by design (whoever can open the data folder owns the data), which is what lets this
   * work without knowing the previous password.
   */
  private static void setPassword(DatabaseManagementService dbms, String password) {
    GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
    Map<String, Object> parameters = new HashMap<>();
    parameters.put("password", password);
    try {
      // Its own time limit, not --tx-timeout: on a machine busy enough, the system database's
      // first query (compiled cold) has been seen to take longer than the 30 s meant for planners'
      // queries, and the launcher then failed to start at all.
      system.executeTransactionally(
          "ALTER USER " + USER + " SET PASSWORD $password CHANGE NOT REQUIRED",
          parameters,
          result -> null,
          PASSWORD_TIMEOUT);
    } catch (RuntimeException e) {
      // Neo4j refuses to "change" a password to itself; that case is already what we want.
      // Anything else (a password the policy rejects, say) is a real failure.
      if (!hasMessage(e, "Old password and new password cannot be the same")) {
        throw e;
      }
    }
  }

  private static void exitAtEndOfInput() {
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.trim().equals("last-tx")) {
          out.println("guatu-launcher: last-tx " + lastClosedTransaction());
          out.flush();
        }
      }
    } catch (IOException e) {
      // A broken pipe means the same as end-of-file: the parent is gone.
    }
    System.exit(0);
  }

  /**
   * The newest transaction whose changes readers see: "closed", not merely committed, so that a
   * copy taken after this answer holds every write the answer counts.
   */
  private static long lastClosedTransaction() {
    DatabaseManagementService running = dbms;
    if (running == null) {
      return -1;
    }
    try {
      GraphDatabaseAPI database =
          (GraphDatabaseAPI) running.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
      return database
          .getDependencyResolver()
          .resolveDependency(TransactionIdStore.class)
          .getLastClosedTransactionId();
    } catch (RuntimeException e) {
      // Starting or stopping: the caller treats an unknown id as "changed".
      return -1;
    }
  }

  private static void shutDown() {
    try {
      settled.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    DatabaseManagementService running = dbms;
    if (running != null) {
      dbms = null;
      running.shutdown();
      err.println("guatu-launcher: stopped");
      err.flush();
    }
  }

  private static Map<String, String> parseOptions(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
      }
      options.put(args[i].substring(2), args[i + 1]);
    }
    for (String required : new String[] {"home", "port", "pagecache", "tx-timeout", "tx-memory"}) {
      if (!options.containsKey(required)) {
        throw new IllegalArgumentException("missing --" + required);
      }
    }
    return options;
  }

  private static void fail(int status, String message) {
    err.println("guatu-launcher: error: " + message.replace('\n', ' '));
    err.flush();
    System.exit(status);
  }

  private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  /** By name: these Neo4j exception classes are internal and move between releases. */
  private static boolean hasCauseNamed(Throwable e, String simpleName) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getClass().getSimpleName().equals(simpleName)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasMessage(Throwable e, String text) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null && t.getMessage().contains(text)) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
