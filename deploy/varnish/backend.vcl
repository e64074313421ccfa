# The origin: `npm start` on this machine. The tests replace this file (by
# putting their own backend.vcl first in vcl_path) to point at their server.
backend origin {
    .host = "127.0.0.1";
    .port = "3000";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
    .probe = {
        .url = "/api/health";
        .interval = 1s;
        .timeout = 1s;
        .window = 3;
        .threshold = 2;
        .initial = 2;
    }
}
