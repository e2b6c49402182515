using System.CommandLine;
using ProceduralMemory.Cli.Library;
using ProceduralMemory.Memory.Store;

namespace ProceduralMemory.Cli.Commands.Skills;

/// <summary>
/// <c>procmem skills import FILE --library LIB</c>: validates a JSON export completely, then adds its skills in one
/// transaction: into a new library exactly as exported (ids, creation episodes, episode count); into an existing one
/// under new ids, a skill whose preconditions and effect are already stored adding its statistics and demonstrations
/// to the stored one. The per-context lifecycle's state (format 3) goes only into a new library: its context numbers
/// are the exporting library's clusters and its counts its skills' ids. Any failure leaves the library as it was, and a
/// library file this command created is removed.
/// </summary>
internal static class SkillsImportCommand
{
    public static Command Create(CliConsole console)
    {
        Argument<string> file = CommonOptions.InputFile("file", "A JSON file written by 'procmem skills export'.");
        Option<string> library = CommonOptions.Library();
        Option<int> connectTimeout = CommonOptions.ConnectTimeout();
        var command = new Command("import", "Add the skills of a JSON export to a library, all or nothing.") { file, library, connectTimeout };
        command.SetAction(parsed => Run(console, parsed.GetRequiredValue(file), parsed.GetRequiredValue(library), TimeSpan.FromSeconds(parsed.GetValue(connectTimeout))));
        return command;
    }

    private static int Run(CliConsole console, string filePath, string libraryPath, TimeSpan connectTimeout)
    {
        LibraryDocument document;
        try
        {
            using FileStream file = File.OpenRead(filePath);
            document = LibraryJson.Read(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read {filePath}: {e.Message}");
        }
        catch (LibraryException e)
        {
            throw new LibraryException($"{filePath}: {e.Message}; nothing was imported", e);
        }

        bool existed = SkillStores.Exists(libraryPath);
        if (document.Skills.Count == 0 && existed && IsCompatibleLibrary(filePath, libraryPath, document.Manifest))
        {
            console.Out.WriteLine($"{filePath} holds no skills: {SkillStores.Describe(libraryPath)} is unchanged");
            return ExitCodes.Ok;
        }
        try
        {
            CommitResult result;
            bool restored = false;
            using (ISkillStore store = SkillStores.Open(libraryPath, readOnly: false, connectTimeout))
            {
                // Into a new library the export is restored as it was (ids, creation episodes, episode count), so that
                // exporting it again, from either backend, gives the same document.
                bool restore = store.Manifest is null;
                restored = restore;
                LibraryManifest stored = store.Manifest ?? store.Create(document.Manifest);
                if ((stored.IncompatibilityWith(document.Manifest) ?? stored.KeyMismatchWith(document.Manifest)) is { } reason)
                    throw new LibraryException(Incompatible(filePath, libraryPath, reason));
                int kept = document.Skills.Select(s => s.Demonstrations.Count).Append(new LibraryCommit().DemonstrationsToKeep).Max();
                result = store.Commit(new LibraryCommit
                {
                    NewSkills = document.Skills,
                    DemonstrationsToKeep = kept,
                    RestoreEpisodes = restore ? document.Episodes : null,
                    Contexts = restore ? document.ContextsOrEmpty : ContextState.Empty,
                    // A new library takes the export's trained key model with its keys; an existing one has it already (same id).
                    Rekey = restore && document.KeyModelBytes is { } model
                        ? new KeyModelChange(document.Manifest.KeyModel, document.Manifest.EmbeddingDimension, model)
                        : null,
                });
            }
            int created = result.NewSkills.Count(s => s.Created);
            console.Out.WriteLine($"Imported {document.Skills.Count} skills from {filePath} into {SkillStores.Describe(libraryPath)}: " +
                $"{created} new, {document.Skills.Count - created} merged into stored skills that are the same skill by the {document.Manifest.Domain} domain's rule");
            if (document.ContextsOrEmpty is { IsEmpty: false } contexts)
                console.Out.WriteLine(restored
                    ? $"Per-context state: {contexts.Contexts.Count} contexts, {contexts.Counts.Count} counts, {contexts.Splits.Count} splits restored"
                    : $"Per-context state ({contexts.Contexts.Count} contexts, {contexts.Splits.Count} splits) not imported: it goes only into a new library, since its context numbers are the exporting library's clusters");
            return ExitCodes.Ok;
        }
        catch when (!existed)
        {
            SkillStores.Delete(libraryPath);
            throw;
        }
    }

    /// <summary>
    /// True when <paramref name="libraryPath"/> holds a library <paramref name="imported"/> could go into, found out
    /// read-only, so that importing nothing changes nothing; false when it holds no library yet, or cannot be read
    /// (the import proper then creates it, or reports why it cannot).
    /// </summary>
    /// <exception cref="LibraryException">The library is of another kind than the export.</exception>
    private static bool IsCompatibleLibrary(string filePath, string libraryPath, LibraryManifest imported)
    {
        ISkillStore store;
        try
        {
            store = SkillStores.Open(libraryPath, readOnly: true);
        }
        catch (LibraryException)
        {
            return false;
        }
        using (store)
        {
            if (store.Manifest is not { } stored)
                return false;
            if ((stored.IncompatibilityWith(imported) ?? stored.KeyMismatchWith(imported)) is { } reason)
                throw new LibraryException(Incompatible(filePath, libraryPath, reason));
            return true;
        }
    }

    private static string Incompatible(string filePath, string libraryPath, string reason) =>
        $"{filePath} cannot go into {SkillStores.Describe(libraryPath)}: {reason}; nothing was imported";
}
