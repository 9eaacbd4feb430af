package com.kakehashi.qr.emv;

/** CRC-16/CCITT-FALSE (polynomial 0x1021, initial value 0xFFFF, no reflection, no final XOR) as EMVCo requires. */
final class Crc16 {
    private static final int POLYNOMIAL = 0x1021;

    private Crc16() {}

    static int of(byte[] bytes) {
        int crc = 0xFFFF;
        for (byte b : bytes) {
            crc ^= (b & 0xFF) << 8;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ POLYNOMIAL : crc << 1;
            }
        }
        return crc & 0xFFFF;
    }

    static String hex(byte[] bytes) {
        return String.format("%04X", of(bytes));
    }
}
