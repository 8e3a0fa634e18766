package dev.migrations.format;

import java.io.IOException;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrations.Direction;
import dev.migrations.MigrationFormat;
import dev.migrations.MigrationSourceException;
import dev.migrations.parser.DerivingEnvironment;
import dev.migrations.parser.LexicalRules;
import dev.migrations.parser.ParsedSection;
import dev.migrations.source.MigrationResource;
import dev.migrations.source.MigrationSource;

/**
 * Reads the migration locations into a {@link MigrationCatalog}: decides each location's
 * format and checks the file names (versions, duplicates, mixed formats). A file's
 * content is read and parsed only when a command first needs its checksum or its
 * statements, by the catalog's current {@link FileSyntax}. Parse errors are kept with the
 * migration, not thrown, because only the sections a command will run must be valid.
 */
public final class MigrationLoader {

	private static final Logger logger = LoggerFactory.getLogger(MigrationLoader.class);

	private final MigrationFormat requested;

	private final Map<String, String> environment;

	private final Placeholders placeholders;

	/**
	 * The values of secret-looking placeholders, and of secret-looking variables ENVSUB
	 * expanded.
	 */
	private final Set<String> secrets = ConcurrentHashMap.newKeySet();

	/**
	 * The environment as ENVSUB sees it: it notes the values of secret-looking variables
	 * a file asks for.
	 */
	private final Map<String, String> watchedEnvironment = new WatchedEnvironment();

	/**
	 * The lexical rules files are split by, which a command sets once it knows the
	 * database.
	 */
	private final FileSyntax syntax = new FileSyntax();

	/**
	 * Creates a loader.
	 * @param requested the format to read, or {@link MigrationFormat#AUTO} to detect it
	 * per location
	 * @param environment the variables goose's {@code ENVSUB ON} expands
	 */
	public MigrationLoader(MigrationFormat requested, Map<String, String> environment) {
		this(requested, environment, Map.of());
	}

	/**
	 * Creates a loader.
	 * @param requested the format to read, or {@link MigrationFormat#AUTO} to detect it
	 * per location
	 * @param environment the variables goose's {@code ENVSUB ON} expands
	 * @param placeholders the values of {@code ${name}} placeholders, for files that ask
	 * for them
	 */
	public MigrationLoader(MigrationFormat requested, Map<String, String> environment,
			Map<String, String> placeholders) {
		this.requested = requested;
		this.environment = Map.copyOf(environment);
		this.placeholders = new Placeholders(placeholders);
		for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
			if (Masking.looksSecret(placeholder.getKey())) {
				this.secrets.add(placeholder.getValue());
			}
		}
	}

	/**
	 * Loads every location.
	 * @param sources the locations
	 * @return the catalog
	 * @throws MigrationSourceException when a location is missing or empty, formats are
	 * mixed, a name breaks its format's rules, or two files claim one version
	 */
	public MigrationCatalog load(List<MigrationSource> sources) {
		MigrationFormat format = null;
		String formatLocation = null;
		Map<Long, VersionFiles> versions = new TreeMap<>();
		List<String> locations = new ArrayList<>();
		for (MigrationSource source : sources) {
			List<MigrationResource> resources = source.resources();
			MigrationFormat detected = detect(source, resources);
			if (format != null && format != detected) {
				throw new MigrationSourceException(source.location(), List.of(),
						"Location " + source.location() + " holds " + detected.label() + " files but " + formatLocation
								+ " holds " + format.label()
								+ " files; one engine keeps one version table, so use one format for all locations.");
			}
			format = detected;
			formatLocation = source.location();
			locations.add(source.location());
			collect(source, resources, detected, versions);
		}
		if (format == null || versions.isEmpty()) {
			throw new MigrationSourceException(String.join(", ", locations), List.of(),
					"No migrations configured: give at least one location that holds migration files.");
		}
		Map<Long, Migration> migrations = new LinkedHashMap<>();
		for (Map.Entry<Long, VersionFiles> entry : versions.entrySet()) {
			migrations.put(entry.getKey(), entry.getValue().toMigration(format));
		}
		return new MigrationCatalog(format, locations, new TreeMap<>(migrations), new Masking(this.secrets),
				this.syntax);
	}

	private MigrationFormat detect(MigrationSource source, List<MigrationResource> resources) {
		if (this.requested != MigrationFormat.AUTO) {
			return this.requested;
		}
		List<String> names = new ArrayList<>(resources.size());
		for (MigrationResource resource : resources) {
			names.add(resource.name());
		}
		FileFormat.Detection detection = FileFormat.detect(names);
		if (detection.isMixed()) {
			throw new MigrationSourceException(source.location(), detection.examples(),
					"Location " + source.location() + " mixes goose files (" + detection.goose()
							+ ") and golang-migrate files (" + detection.golangMigrate()
							+ "); keep one format per location, or set the format explicitly.");
		}
		return detection.format();
	}

	private void collect(MigrationSource source, List<MigrationResource> resources, MigrationFormat format,
			Map<Long, VersionFiles> versions) {
		FileFormat rules = FileFormat.of(format);
		int found = 0;
		for (MigrationResource resource : resources) {
			String name = resource.name();
			if (!rules.isName(name)) {
				if (name.endsWith(".sql")) {
					logger.warn("Ignoring {}: {} migrations are named {}", resource.location(), format.label(),
							rules.naming());
				}
				continue;
			}
			MigrationFileName fileName;
			try {
				fileName = rules.name(name);
			}
			catch (IllegalArgumentException ex) {
				throw new MigrationSourceException(source.location(), List.of(resource.location()),
						"Invalid migration file name " + resource.location() + ": " + ex.getMessage() + ".");
			}
			VersionFiles files = versions.get(fileName.version());
			if (files == null) {
				files = new VersionFiles(fileName.version());
				versions.put(fileName.version(), files);
			}
			files.add(source, fileName, resource);
			found++;
		}
		if (found == 0) {
			throw new MigrationSourceException(source.location(), List.of(),
					"Migrations location " + source.location() + " holds no " + format.label() + " migrations.");
		}
	}

	/** The files that claim one version, before parsing. */
	private final class VersionFiles implements FileFormat.VersionSource {

		private final long version;

		private MigrationResource up;

		private MigrationResource down;

		VersionFiles(long version) {
			this.version = version;
		}

		void add(MigrationSource source, MigrationFileName name, MigrationResource resource) {
			boolean isDown = name.direction() == Direction.DOWN;
			MigrationResource existing = isDown ? this.down : this.up;
			if (existing != null) {
				throw new MigrationSourceException(source.location(), List.of(existing.location(), resource.location()),
						"Duplicate migration version " + this.version + ": " + existing.location() + " and "
								+ resource.location()
								+ ((name.direction() != null) ? " are both " + name.direction().label() + " files" : "")
								+ "; give each migration its own version.");
			}
			if (isDown) {
				this.down = resource;
			}
			else {
				this.up = resource;
			}
		}

		Migration toMigration(MigrationFormat format) {
			FileFormat rules = FileFormat.of(format);
			MigrationResource shown = (this.up != null) ? this.up : this.down;
			return new Migration(this.version, format, shown.name(), shown.location(), new Migration.Files() {

				private volatile LexicalRules parsedWith;

				@Override
				public String checksum() {
					return rules.checksum(VersionFiles.this);
				}

				@Override
				public Migration.Parsed parse() {
					LexicalRules lexical = syntax.rules();
					Migration.Parsed parsed = rules.parse(VersionFiles.this, lexical);
					this.parsedWith = lexical;
					return parsed;
				}

				@Override
				public boolean isCurrent() {
					return this.parsedWith == syntax.rules();
				}

			});
		}

		@Override
		public MigrationResource up() {
			return this.up;
		}

		@Override
		public MigrationResource down() {
			return this.down;
		}

		@Override
		public Map<String, String> environment() {
			return watchedEnvironment;
		}

		@Override
		public ParsedSection substitute(String text, MigrationResource resource, ParsedSection section) {
			return Placeholders.isRequestedBy(text) ? placeholders.apply(resource.location(), section) : section;
		}

		/**
		 * A file's bytes; an absent file (a golang-migrate version without a down file)
		 * reads as empty.
		 */
		@Override
		public byte[] read(MigrationResource resource) {
			if (resource == null) {
				return new byte[0];
			}
			try {
				return resource.read();
			}
			catch (IOException ex) {
				throw new MigrationSourceException(resource.location(), List.of(resource.location()),
						"Cannot read migration file " + resource.location() + ": " + ex.getMessage());
			}
		}

	}

	/**
	 * The environment as ENVSUB sees it: notes the values of secret-looking variables a
	 * file asks for, and what a file derives from them (a substring), so that both are
	 * masked.
	 */
	private final class WatchedEnvironment extends AbstractMap<String, String> implements DerivingEnvironment {

		@Override
		public String get(Object name) {
			String value = MigrationLoader.this.environment.get(name);
			if (value != null && Masking.looksSecret((String) name)) {
				MigrationLoader.this.secrets.add(value);
			}
			return value;
		}

		@Override
		public Set<Entry<String, String>> entrySet() {
			return MigrationLoader.this.environment.entrySet();
		}

		@Override
		public void derived(String name, String value) {
			if (Masking.looksSecret(name)) {
				MigrationLoader.this.secrets.add(value);
			}
		}

	}

}
