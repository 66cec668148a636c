namespace Sam.Geo.Export;

/// <summary>
/// An output written to temporary files in the target's folder and renamed into place by <see cref="Commit"/>.
/// Disposing without a commit deletes the temporaries, so a failure never leaves a half-written output.
/// A Shapefile is several files (.shp .shx .dbf .prj .cpg): all of them are renamed together, and on
/// overwrite the old sidecars are replaced or removed.
/// </summary>
/// <remarks>
/// Writers create <see cref="TemporaryPath"/> (hidden name, same extension as the target, same folder so the
/// rename stays on one file system) plus whatever sidecars their driver puts next to it.
/// </remarks>
public sealed class AtomicOutput : IDisposable
{
    private readonly string _folder;
    private readonly string _tempStem;
    private readonly bool _overwrite;

    private AtomicOutput(string target, OutputFormat format, bool overwrite)
    {
        TargetPath = target;
        Format = format;
        _overwrite = overwrite;
        _folder = Path.GetDirectoryName(target)!;
        _tempStem = $".{Path.GetFileNameWithoutExtension(target)}.{Guid.NewGuid().ToString("N")[..12]}.partial";
        TemporaryPath = Path.Combine(_folder, _tempStem + Path.GetExtension(target));
    }

    /// <summary>
    /// Checks <paramref name="path"/> and prepares its temporary name; nothing is created on disk yet.
    /// </summary>
    /// <param name="path">The output file (for a Shapefile, the .shp).</param>
    /// <param name="overwrite">Replace an existing output on commit instead of refusing it.</param>
    /// <param name="accepted">The formats the caller writes; empty accepts every <see cref="OutputFormat"/>.</param>
    /// <exception cref="SamGeoInputException">Unknown extension (the message lists the supported ones), missing
    /// folder, or an existing output without <paramref name="overwrite"/>.</exception>
    public static AtomicOutput Begin(string path, bool overwrite, params OutputFormat[] accepted)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (accepted.Length == 0) accepted = Enum.GetValues<OutputFormat>();
        var format = OutputFormats.FromPath(path);
        if (format is not OutputFormat f || !accepted.Contains(f))
            throw new SamGeoInputException($"unsupported output extension '{Path.GetExtension(path)}': {path} (supported: {OutputFormats.ExtensionsOf(accepted)})");
        string full = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(folder)) throw new SamGeoInputException($"output folder does not exist: {folder}");
        if (Directory.Exists(full)) throw new SamGeoInputException($"output is a folder: {full}");
        if (!overwrite && ExistingFiles(full, f).FirstOrDefault() is string existing)
            throw new SamGeoInputException($"output already exists: {existing} (use --overwrite to replace it)");
        return new AtomicOutput(full, f, overwrite);
    }

    /// <summary>The final path (absolute).</summary>
    public string TargetPath { get; }

    /// <summary>Where the writer writes (absolute, hidden name in the target's folder, same extension).</summary>
    public string TemporaryPath { get; }

    /// <summary>The output's format, from its extension.</summary>
    public OutputFormat Format { get; }

    /// <summary>True once <see cref="Commit"/> has renamed the files into place.</summary>
    public bool IsCommitted { get; private set; }

    /// <summary>
    /// Renames the temporaries into place (sidecars first, the main file last; old shapefile sidecars that
    /// the new output lacks are removed). Call it once the writer has closed its files.
    /// </summary>
    /// <exception cref="InvalidOperationException">The writer produced no file, or already committed.</exception>
    public void Commit()
    {
        if (IsCommitted) throw new InvalidOperationException($"{TargetPath} is already committed.");
        if (!File.Exists(TemporaryPath)) throw new InvalidOperationException($"nothing was written to {TemporaryPath}.");
        string targetStem = Path.Combine(_folder, Path.GetFileNameWithoutExtension(TargetPath));
        var produced = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (string temp in TemporaryFiles().Where(t => t != TemporaryPath))
        {
            string target = targetStem + Path.GetFileName(temp)[_tempStem.Length..];
            produced.Add(target);
            File.Move(temp, target, _overwrite);
        }
        if (Format == OutputFormat.Shapefile)
            foreach (string stale in ExistingFiles(TargetPath, Format).Where(s => !produced.Contains(s) && s != TargetPath))
                File.Delete(stale);
        File.Move(TemporaryPath, TargetPath, _overwrite);
        IsCommitted = true;
    }

    /// <summary>Deletes the temporaries unless committed. Writers must have closed their files first.</summary>
    public void Dispose()
    {
        if (IsCommitted) return;
        foreach (string temp in TemporaryFiles())
        {
            try { File.Delete(temp); }
            catch (IOException) { } // best effort: a file still open elsewhere is the writer's bug, not worth masking the real error
        }
    }

    private IEnumerable<string> TemporaryFiles() =>
        Directory.Exists(_folder) ? Directory.EnumerateFiles(_folder, _tempStem + ".*").ToArray() : [];

    /// <summary>The files an output at <paramref name="path"/> consists of that exist now.</summary>
    private static IEnumerable<string> ExistingFiles(string path, OutputFormat format)
    {
        if (File.Exists(path)) yield return path;
        if (format != OutputFormat.Shapefile) yield break;
        foreach (string ext in OutputFormats.ShapefileSidecars)
        {
            string sidecar = Path.ChangeExtension(path, ext);
            if (File.Exists(sidecar)) yield return sidecar;
        }
    }
}
