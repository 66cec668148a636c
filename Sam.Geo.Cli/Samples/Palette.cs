namespace Sam.Geo.Cli.Samples;

/// <summary>
/// Base colours of the sample scenes. Neighbouring classes differ by far more than their textures vary,
/// so every object stays distinct from its surroundings.
/// </summary>
public static class Palette
{
    /// <summary>8-bit R, G, B.</summary>
    public static class Rgb
    {
        /// <summary>Meadow (the background).</summary>
        public static readonly double[] Meadow = [105, 125, 70];
        /// <summary>Ripe wheat.</summary>
        public static readonly double[] Wheat = [210, 188, 118];
        /// <summary>Young green crop.</summary>
        public static readonly double[] GreenCrop = [62, 150, 44];
        /// <summary>Ploughed soil.</summary>
        public static readonly double[] Soil = [142, 100, 72];
        /// <summary>Flowering rapeseed.</summary>
        public static readonly double[] Rapeseed = [222, 206, 58];
        /// <summary>Lake water.</summary>
        public static readonly double[] Water = [34, 62, 88];
        /// <summary>Asphalt.</summary>
        public static readonly double[] Asphalt = [138, 136, 132];
        /// <summary>Tree crowns.</summary>
        public static readonly double[] Tree = [36, 70, 30];
        /// <summary>Roof colours, used in turn.</summary>
        public static readonly double[][] Roofs = [[182, 74, 52], [200, 198, 192], [72, 78, 96], [150, 60, 90], [232, 232, 226]];
    }

    /// <summary>16-bit surface reflectance ×10000 in band order blue, green, red, near-infrared.</summary>
    public static class Bgrn
    {
        /// <summary>Grassland (the background).</summary>
        public static readonly double[] Grass = [420, 760, 560, 2900];
        /// <summary>Ripe wheat.</summary>
        public static readonly double[] Wheat = [640, 940, 1180, 2350];
        /// <summary>Green crop.</summary>
        public static readonly double[] GreenCrop = [330, 820, 420, 3900];
        /// <summary>Bare soil.</summary>
        public static readonly double[] Soil = [900, 1150, 1420, 1950];
        /// <summary>Water.</summary>
        public static readonly double[] Water = [620, 520, 310, 210];
        /// <summary>Broadleaf wood.</summary>
        public static readonly double[] Wood = [240, 450, 270, 3150];
        /// <summary>Concrete roofs.</summary>
        public static readonly double[] Concrete = [1700, 1800, 1900, 2150];
        /// <summary>Red tile roofs.</summary>
        public static readonly double[] RedRoof = [700, 820, 2000, 2250];
        /// <summary>Asphalt.</summary>
        public static readonly double[] Asphalt = [1000, 1080, 1150, 1400];
    }
}
