using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Sam.Geo.Raster;

namespace Sam.Geo.Caching;

/// <summary>
/// Everything that determines an embedding: the raster, the source window, the size it was read at, the
/// bands and stretch that made the RGB image, and the encoder. Two keys are equal when their
/// <see cref="StableString"/>s are equal; the cache file is named by its SHA-256 (<see cref="Hash"/>).
/// </summary>
/// <param name="Raster">The raster file.</param>
/// <param name="Window">The source window, in raster pixels.</param>
/// <param name="ReadWidth">Width the window was read at (smaller than the window width when downscaled), in pixels.</param>
/// <param name="ReadHeight">Height the window was read at, in pixels.</param>
/// <param name="Bands">The raster bands that became R, G, B, e.g. "4,3,2".</param>
/// <param name="Stretch">A description of the stretch to 8-bit (method and its parameters), compared verbatim.</param>
/// <param name="Model">The encoder.</param>
public sealed record EmbeddingKey(RasterIdentity Raster, PixelWindow Window, int ReadWidth, int ReadHeight,
    string Bands, string Stretch, ModelIdentity Model)
{
    /// <summary>Version of the key and file format; bumping it invalidates every existing entry.</summary>
    public const int FormatVersion = 1;

    /// <summary>
    /// The canonical text of the key: one <c>name=value</c> field per item, values percent-escaped, joined by
    /// ';'. Stable across processes, platforms and cultures.
    /// </summary>
    public string StableString => string.Join(';',
        $"samgeo-embedding/{FormatVersion.ToString(CultureInfo.InvariantCulture)}",
        $"raster={Raster.StableString}",
        $"window={FormatWindow(Window)}",
        $"read={FormatSize(ReadWidth, ReadHeight)}",
        $"bands={Uri.EscapeDataString(Bands)}",
        $"stretch={Uri.EscapeDataString(Stretch)}",
        $"model={Model.Sha256}");

    /// <summary>Lower-case hex SHA-256 of <see cref="StableString"/> (UTF-8); the entry's file name stem.</summary>
    public string Hash => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(StableString)));

    /// <summary>
    /// Checks the key before it is used. Windows and sizes must be positive; a read size larger than the
    /// window (upsampling) is allowed.
    /// </summary>
    /// <exception cref="ArgumentException">A field is empty or not positive.</exception>
    public void Validate()
    {
        if (Window.IsEmpty) throw new ArgumentException($"The window {Window} is empty.", nameof(Window));
        if (ReadWidth <= 0 || ReadHeight <= 0) throw new ArgumentException($"The read size {ReadWidth}x{ReadHeight} is not positive.", nameof(ReadWidth));
        if (string.IsNullOrWhiteSpace(Bands)) throw new ArgumentException("The band list is empty.", nameof(Bands));
        if (string.IsNullOrEmpty(Model.Sha256)) throw new ArgumentException("The model identity is empty.", nameof(Model));
    }

    /// <summary>The name of the first field that differs from <paramref name="other"/> ("raster", "model"...), or null.</summary>
    public string? FirstDifference(EmbeddingKey other)
    {
        if (Raster.StableString != other.Raster.StableString) return "raster";
        if (Model != other.Model) return "model";
        if (Window != other.Window) return "window";
        if ((ReadWidth, ReadHeight) != (other.ReadWidth, other.ReadHeight)) return "read size";
        if (Bands != other.Bands) return "bands";
        if (Stretch != other.Stretch) return "stretch";
        return null;
    }

    /// <summary>True when both keys have the same <see cref="StableString"/>.</summary>
    public bool Equals(EmbeddingKey? other) => other is not null && StableString == other.StableString;

    /// <inheritdoc />
    public override int GetHashCode() => StableString.GetHashCode(StringComparison.Ordinal);

    internal static string FormatWindow(PixelWindow w) => string.Create(CultureInfo.InvariantCulture, $"{w.Col},{w.Row},{w.Width},{w.Height}");

    internal static string FormatSize(int width, int height) => string.Create(CultureInfo.InvariantCulture, $"{width},{height}");
}
