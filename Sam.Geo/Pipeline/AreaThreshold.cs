using System.Globalization;

namespace Sam.Geo.Pipeline;

/// <summary>An area given by the user: square metres by default, or pixels with a <c>px</c> suffix.</summary>
public readonly record struct AreaThreshold(double Value, bool InPixels)
{
    /// <summary>No threshold.</summary>
    public static AreaThreshold None => new(0, false);

    /// <summary>True when the threshold does something.</summary>
    public bool IsSet => Value > 0;

    /// <summary>The threshold in pixels of a grid whose pixels cover <paramref name="squareMetresPerPixel"/> each.</summary>
    public double ToPixels(double squareMetresPerPixel) => InPixels ? Value : Value / squareMetresPerPixel;

    /// <summary>Parses "250" (m²), "250m2" or "40px".</summary>
    /// <exception cref="SamGeoInputException">Not a non-negative number with an optional unit.</exception>
    public static AreaThreshold Parse(string text, string optionName)
    {
        string t = text.Trim().ToLowerInvariant();
        bool px = t.EndsWith("px", StringComparison.Ordinal);
        if (px) t = t[..^2];
        else if (t.EndsWith("m2", StringComparison.Ordinal)) t = t[..^2];
        if (!double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || v < 0 || !double.IsFinite(v))
            throw new SamGeoInputException($"{optionName} '{text}' is not an area: give square metres (e.g. 25) or pixels (e.g. 40px)");
        return new AreaThreshold(v, px);
    }

    /// <inheritdoc />
    public override string ToString() => InPixels ? $"{Value} px" : $"{Value} m²";
}
