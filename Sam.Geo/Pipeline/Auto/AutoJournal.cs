using System.Globalization;
using System.Text;
using Sam.Geo.Raster;

namespace Sam.Geo.Pipeline.Auto;

/// <summary>What one finished tile added: its pieces and the seam unions it found.</summary>
/// <param name="Tile">Row-major tile index.</param>
/// <param name="Pieces">Pieces written into the tile's core.</param>
/// <param name="Unions">Pairs of raw ids that are one object.</param>
public sealed record TileRecord(int Tile, IReadOnlyList<PieceRecord> Pieces, IReadOnlyList<(uint A, uint B)> Unions);

/// <summary>
/// The append-only journal of an automatic run, one line per finished tile, flushed to disk after each, so a
/// run stopped at any point can be resumed. The first line fingerprints the settings; a journal written with
/// other settings is refused. A torn last line (the process died while writing it) is ignored.
/// </summary>
public sealed class AutoJournal : IDisposable
{
    private const string Magic = "samgeo-auto-journal 1";
    private readonly FileStream _file;

    private AutoJournal(FileStream file, IReadOnlyList<TileRecord> finished)
    {
        _file = file;
        Finished = finished;
    }

    /// <summary>The tiles finished before this session (empty for a fresh run).</summary>
    public IReadOnlyList<TileRecord> Finished { get; }

    /// <summary>Starts a new journal at <paramref name="path"/>, replacing any.</summary>
    public static AutoJournal Create(string path, string fingerprint)
    {
        var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read);
        var journal = new AutoJournal(file, []);
        journal.AppendLine($"{Magic} {fingerprint}");
        return journal;
    }

    /// <summary>Opens an existing journal, reads its finished tiles and appends after them.</summary>
    /// <exception cref="SamGeoInputException">Missing, foreign, or written with other settings.</exception>
    public static AutoJournal Resume(string path, string fingerprint)
    {
        if (!File.Exists(path))
            throw new SamGeoInputException($"nothing to resume: {path} does not exist (run without --resume)");
        var records = new List<TileRecord>();
        long validLength = 0;
        using (var reader = new StreamReader(path, Encoding.UTF8))
        {
            string text = reader.ReadToEnd();
            int lineStart = 0;
            bool first = true;
            while (lineStart < text.Length)
            {
                int end = text.IndexOf('\n', lineStart);
                if (end < 0) break; // torn last line
                string line = text[lineStart..end];
                if (first)
                {
                    if (line != $"{Magic} {fingerprint}")
                        throw new SamGeoInputException($"cannot resume: {path} was written for another raster, model or settings (run without --resume)");
                    first = false;
                }
                else records.Add(Parse(line, path));
                lineStart = end + 1;
            }
            if (first) throw new SamGeoInputException($"cannot resume: {path} is not an automatic segmentation journal (run without --resume)");
            validLength = Encoding.UTF8.GetByteCount(text.AsSpan(0, lineStart));
        }
        var file = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.Read);
        file.SetLength(validLength);
        file.Seek(0, SeekOrigin.End);
        return new AutoJournal(file, records);
    }

    /// <summary>Appends a finished tile and flushes it to disk.</summary>
    public void Append(TileRecord record)
    {
        var line = new StringBuilder();
        line.Append(CultureInfo.InvariantCulture, $"tile {record.Tile} p ");
        line.AppendJoin(',', record.Pieces.Select(p => string.Create(CultureInfo.InvariantCulture,
            $"{p.Id}:{p.AreaInPixels}:{p.Bounds.Col}:{p.Bounds.Row}:{p.Bounds.Width}:{p.Bounds.Height}:{p.Score.Iou:R}:{p.Score.Stability:R}")));
        line.Append(" u ");
        line.AppendJoin(',', record.Unions.Select(u => string.Create(CultureInfo.InvariantCulture, $"{u.A}-{u.B}")));
        AppendLine(line.ToString());
    }

    private void AppendLine(string line)
    {
        _file.Write(Encoding.UTF8.GetBytes(line + "\n"));
        _file.Flush(flushToDisk: true);
    }

    private static TileRecord Parse(string line, string path)
    {
        try
        {
            var parts = line.Split(' ');
            if (parts.Length != 6 || parts[0] != "tile" || parts[2] != "p" || parts[4] != "u") throw new FormatException();
            int tile = int.Parse(parts[1], CultureInfo.InvariantCulture);
            var pieces = parts[3].Length == 0 ? [] : parts[3].Split(',').Select(s =>
            {
                var f = s.Split(':');
                int I(int i) => int.Parse(f[i], CultureInfo.InvariantCulture);
                return new PieceRecord(uint.Parse(f[0], CultureInfo.InvariantCulture), tile, long.Parse(f[1], CultureInfo.InvariantCulture),
                    new PixelWindow(I(2), I(3), I(4), I(5)),
                    new PieceScore(float.Parse(f[6], CultureInfo.InvariantCulture), float.Parse(f[7], CultureInfo.InvariantCulture)));
            }).ToList();
            var unions = parts[5].Length == 0 ? [] : parts[5].Split(',').Select(s =>
            {
                var f = s.Split('-');
                return (uint.Parse(f[0], CultureInfo.InvariantCulture), uint.Parse(f[1], CultureInfo.InvariantCulture));
            }).ToList();
            return new TileRecord(tile, pieces, unions);
        }
        catch (Exception e) when (e is FormatException or OverflowException or IndexOutOfRangeException)
        {
            throw new SamGeoInputException($"cannot resume: {path} is damaged (run without --resume)");
        }
    }

    /// <inheritdoc />
    public void Dispose() => _file.Dispose();
}
