import { deflateSync } from "node:zlib";

/**
 * A minimal RGB raster with lines, rectangles and a 5×7 bitmap font, written out as PNG (zlib + CRC-32 from the
 * PNG specification). Enough for the benchmark's chart without a native canvas dependency.
 */
const glyphs: Record<string, string> = {
    "0": "01110100011001110101110011000101110", "1": "00100011000010000100001000010001110", "2": "01110100010000100010001000100011111",
    "3": "11111000100010000010000011000101110", "4": "00010001100101010010111110001000010", "5": "11111100001111000001000011000101110",
    "6": "00110010001000011110100011000101110", "7": "11111000010001000100010000100001000", "8": "01110100011000101110100011000101110",
    "9": "01110100011000101111000010001001100", A: "01110100011000111111100011000110001", B: "11110100011000111110100011000111110",
    C: "01110100011000010000100001000101110", D: "11100100101000110001100011001011100", E: "11111100001000011110100001000011111",
    F: "11111100001000011110100001000010000", G: "01110100011000010111100011000101111", H: "10001100011000111111100011000110001",
    I: "01110001000010000100001000010001110", J: "00111000100001000010000101001001100", K: "10001100101010011000101001001010001",
    L: "10000100001000010000100001000011111", M: "10001110111010110101100011000110001", N: "10001100011100110101100111000110001",
    O: "01110100011000110001100011000101110", P: "11110100011000111110100001000010000", Q: "01110100011000110001101011001001101",
    R: "11110100011000111110101001001010001", S: "01111100001000001110000010000111110", T: "11111001000010000100001000010000100",
    U: "10001100011000110001100011000101110", V: "10001100011000110001100010101000100", W: "10001100011000110101101011010101010",
    X: "10001100010101000100010101000110001", Y: "10001100011000101010001000010000100", Z: "11111000010001000100010001000011111",
    " ": "00000000000000000000000000000000000", ".": "00000000000000000000000000110001100", ":": "00000011000110000000011000110000000",
    "/": "00001000010001000100010001000010000", "-": "00000000000000011111000000000000000", "(": "00010001000100001000010000010000010",
    ")": "01000001000001000010000100010001000", "=": "00000000001111100000111110000000000",
};

export type Color = [number, number, number];

export class Raster {
    private readonly pixels: Uint8Array;

    constructor(
        readonly width: number,
        readonly height: number,
        background: Color = [255, 255, 255],
    ) {
        this.pixels = new Uint8Array(width * height * 3);
        for (let index = 0; index < width * height; index++) this.pixels.set(background, index * 3);
    }

    set(x: number, y: number, color: Color): void {
        const column = Math.round(x);
        const row = Math.round(y);
        if (column < 0 || row < 0 || column >= this.width || row >= this.height) return;
        this.pixels.set(color, (row * this.width + column) * 3);
    }

    rectangle(x: number, y: number, width: number, height: number, color: Color): void {
        for (let row = 0; row < height; row++) for (let column = 0; column < width; column++) this.set(x + column, y + row, color);
    }

    line(x0: number, y0: number, x1: number, y1: number, color: Color, thickness = 2): void {
        const steps = Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0), 1);
        for (let step = 0; step <= steps; step++) {
            const x = x0 + ((x1 - x0) * step) / steps;
            const y = y0 + ((y1 - y0) * step) / steps;
            this.rectangle(x - thickness / 2, y - thickness / 2, thickness, thickness, color);
        }
    }

    text(x: number, y: number, value: string, color: Color = [0, 0, 0], scale = 2): void {
        let cursor = x;
        for (const character of value.toUpperCase()) {
            const glyph = glyphs[character] ?? glyphs[" "];
            for (let row = 0; row < 7; row++) {
                for (let column = 0; column < 5; column++) {
                    if (glyph[row * 5 + column] === "1") this.rectangle(cursor + column * scale, y + row * scale, scale, scale, color);
                }
            }
            cursor += 6 * scale;
        }
    }

    toPng(): Buffer {
        const rows = Buffer.alloc((this.width * 3 + 1) * this.height);
        for (let row = 0; row < this.height; row++) {
            rows[row * (this.width * 3 + 1)] = 0; // filter type None
            Buffer.from(this.pixels.buffer, row * this.width * 3, this.width * 3).copy(rows, row * (this.width * 3 + 1) + 1);
        }
        const header = Buffer.alloc(13);
        header.writeUInt32BE(this.width, 0);
        header.writeUInt32BE(this.height, 4);
        header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
        return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", header), chunk("IDAT", deflateSync(rows)), chunk("IEND", Buffer.alloc(0))]);
    }
}

const crcTable = Array.from({ length: 256 }, (_, index) => {
    let value = index;
    for (let bit = 0; bit < 8; bit++) value = value & 1 ? 0xedb88320 ^ (value >>> 1) : value >>> 1;
    return value >>> 0;
});

function crc32(data: Buffer): number {
    let crc = 0xffffffff;
    for (const byte of data) crc = crcTable[(crc ^ byte) & 0xff] ^ (crc >>> 8);
    return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
}
