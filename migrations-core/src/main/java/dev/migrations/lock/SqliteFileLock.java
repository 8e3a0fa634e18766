package dev.migrations.lock;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrations.LockTimeoutException;
import dev.migrations.MigrationConfigurationException;

/**
 * Locks a SQLite database for migration with an operating-system lock on a file next to
 * it ({@code app.db.migrate-lock}). The kernel drops the lock when its process dies, so a
 * crashed runner never leaves it stuck; the holder writes its pid, host and start time
 * into the file, and clears it on release, so that a waiter can name the holder and the
 * next runner can tell that the previous one crashed.
 *
 * <p>
 * File locks belong to the whole process, and closing any descriptor of the file drops
 * them all (POSIX semantics). So runners in one JVM first take a semaphore per database
 * file, the holder of the semaphore is the only code in the JVM that opens the file, and
 * it reads and writes the holder record through its one channel; waiters in the same JVM
 * learn the holder from memory.
 */
public final class SqliteFileLock implements DatabaseLock {

	private static final Logger logger = LoggerFactory.getLogger(SqliteFileLock.class);

	private static final ConcurrentMap<Path, Semaphore> LOCAL_LOCKS = new ConcurrentHashMap<>();

	private static final ConcurrentMap<Path, String> LOCAL_HOLDERS = new ConcurrentHashMap<>();

	private final Path lockFile;

	/**
	 * Creates the lock for a database file.
	 * @param databaseFile the SQLite database file
	 */
	public SqliteFileLock(Path databaseFile) {
		Path absolute = databaseFile.toAbsolutePath().normalize();
		this.lockFile = absolute.resolveSibling(absolute.getFileName() + ".migrate-lock");
	}

	/** The lock file. */
	public Path lockFile() {
		return this.lockFile;
	}

	@Override
	public Lease acquire(Duration timeout) {
		Backoff backoff = new Backoff(timeout);
		Semaphore local = LOCAL_LOCKS.computeIfAbsent(this.lockFile, (path) -> new Semaphore(1, true));
		try {
			if (!local.tryAcquire(backoff.remaining().toNanos(), TimeUnit.NANOSECONDS)) {
				throw new LockTimeoutException(toString(), backoff.elapsed(), localHolder());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LockTimeoutException(toString(), backoff.elapsed(), localHolder());
		}
		try {
			return lockFile(backoff, local);
		}
		catch (RuntimeException ex) {
			local.release();
			throw ex;
		}
	}

	private Lease lockFile(Backoff backoff, Semaphore local) {
		FileChannel channel = open();
		try {
			FileLock lock;
			while ((lock = tryLock(channel)) == null) {
				if (!backoff.pause()) {
					throw new LockTimeoutException(toString(), backoff.elapsed(), readHolder(channel));
				}
			}
			claim(channel);
			FileLock held = lock;
			return () -> release(channel, held, local);
		}
		catch (IOException | RuntimeException ex) {
			closeQuietly(channel, ex);
			if (ex instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new MigrationConfigurationException("dataSource",
					"Cannot write the migration lock file " + this.lockFile + ": " + ex.getMessage());
		}
	}

	private FileChannel open() {
		try {
			return FileChannel.open(this.lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
					StandardOpenOption.WRITE);
		}
		catch (IOException ex) {
			throw new MigrationConfigurationException("dataSource", "Cannot create the migration lock file "
					+ this.lockFile + " next to the SQLite database: " + ex + ". Make its directory writable.");
		}
	}

	private static FileLock tryLock(FileChannel channel) throws IOException {
		try {
			return channel.tryLock();
		}
		catch (OverlappingFileLockException ex) {
			return null;
		}
	}

	private void claim(FileChannel channel) throws IOException {
		String previous = readHolder(channel);
		if (previous != null) {
			logger.warn("The previous migration runner ({}) did not release {}; it most likely crashed. The operating"
					+ " system has released its lock, so this runner takes over.", previous, this.lockFile);
		}
		String holder = describeThisProcess();
		channel.truncate(0);
		channel.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
		channel.force(false);
		LOCAL_HOLDERS.put(this.lockFile, holder + " (thread " + Thread.currentThread().getName() + ")");
	}

	private void release(FileChannel channel, FileLock lock, Semaphore local) {
		try {
			channel.truncate(0);
			channel.force(false);
			lock.release();
		}
		catch (IOException ex) {
			logger.warn("Could not clear {} on release: {}", this.lockFile, ex.toString());
		}
		finally {
			closeQuietly(channel, null);
			LOCAL_HOLDERS.remove(this.lockFile);
			local.release();
		}
	}

	private String localHolder() {
		String holder = LOCAL_HOLDERS.get(this.lockFile);
		return (holder != null) ? holder : "another runner in this process";
	}

	/**
	 * Reads the holder record through the channel this runner already has open; never
	 * through a new one.
	 */
	private static String readHolder(FileChannel channel) {
		try {
			ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(channel.size(), 4096));
			channel.read(buffer, 0);
			String content = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
			return content.isEmpty() ? null : content;
		}
		catch (IOException ex) {
			return null;
		}
	}

	private static String describeThisProcess() {
		String host = System.getenv("HOSTNAME");
		return "pid " + ProcessHandle.current().pid() + ((host != null && !host.isBlank()) ? " on " + host : "")
				+ ", since " + Instant.now();
	}

	private static void closeQuietly(FileChannel channel, Exception primary) {
		try {
			channel.close();
		}
		catch (IOException ex) {
			if (primary != null) {
				primary.addSuppressed(ex);
			}
		}
	}

	@Override
	public String toString() {
		return "migration lock file " + this.lockFile;
	}

}
