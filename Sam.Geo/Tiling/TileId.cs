using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Sam.Geo.Tiling;

/// <summary>
/// Stable identifier of a tile in a <see cref="TileGrid"/>: its zero-based row and column index in the grid
/// (not pixels). The string form is <c>r{Row}c{Column}</c>, e.g. <c>r3c7</c>. Ids order row-major.
/// </summary>
public readonly record struct TileId : IComparable<TileId>
{
    /// <summary>Creates an id from a zero-based row index and column index.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When an index is negative.</exception>
    public TileId(int row, int column)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfNegative(column);
        Row = row;
        Column = column;
    }

    /// <summary>Zero-based row index of the tile in the grid (top row is 0).</summary>
    public int Row { get; }

    /// <summary>Zero-based column index of the tile in the grid (left column is 0).</summary>
    public int Column { get; }

    /// <summary>Row-major order: by row, then by column.</summary>
    public int CompareTo(TileId other) =>
        Row != other.Row ? Row.CompareTo(other.Row) : Column.CompareTo(other.Column);

    /// <summary>The string form <c>r{Row}c{Column}</c>, e.g. <c>r3c7</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"r{Row}c{Column}");

    /// <summary>Parses the string form <c>r{Row}c{Column}</c> (lower case, decimal digits only).</summary>
    /// <exception cref="FormatException">When <paramref name="text"/> is not a tile id.</exception>
    public static TileId Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var id)
            ? id
            : throw new FormatException($"'{text}' is not a tile id; expected the form r<row>c<column>, e.g. r3c7.");
    }

    /// <summary>Tries to parse the string form <c>r{Row}c{Column}</c>; false when the text is not a tile id.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out TileId id)
    {
        id = default;
        if (text is null || text.Length < 4 || text[0] != 'r')
            return false;
        int c = text.IndexOf('c', 1);
        if (c < 2 || c == text.Length - 1)
            return false;
        const NumberStyles digitsOnly = NumberStyles.None;
        if (!int.TryParse(text.AsSpan(1, c - 1), digitsOnly, CultureInfo.InvariantCulture, out int row)
            || !int.TryParse(text.AsSpan(c + 1), digitsOnly, CultureInfo.InvariantCulture, out int column))
            return false;
        id = new TileId(row, column);
        return true;
    }
}
