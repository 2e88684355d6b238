package org.rapport.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.VertxException;
import io.vertx.pgclient.PgException;
import java.net.ConnectException;
import java.net.SocketException;
import org.junit.jupiter.api.Test;

/** Which failures to reach the database are answered 503 with Retry-After, and which stay 500. */
class ProblemMapperTest {

    final ProblemMapper mapper = new ProblemMapper();

    @Test
    void a_socket_reset_while_connecting_is_unavailable_not_an_internal_error() {
        // Netty's AnnotatedSocketException, as logged when PostgreSQL stopped under load, is a SocketException.
        var answer = mapper.unreachable(new SocketException("Connection reset by peer: localhost/127.0.0.1:5432"));
        assertThat(answer.getStatus()).isEqualTo(503);
        assertThat(answer.getHeaderString("Retry-After")).isEqualTo("5");
    }

    @Test
    void a_refused_connection_and_a_lost_one_are_unavailable() {
        assertThat(mapper.unreachable(new ConnectException("Connection refused")).getStatus()).isEqualTo(503);
        assertThat(mapper.unreachable(new VertxException("Failed to read any response from the server, the underlying"
                + " connection may have been lost unexpectedly.")).getStatus()).isEqualTo(503);
        assertThat(mapper.pg(new PgException("terminating connection due to administrator command", "FATAL", "57P01",
                null)).getStatus()).isEqualTo(503);
    }

    @Test
    void other_failures_stay_internal_errors() {
        assertThat(mapper.unreachable(new VertxException("Pool closed? no: a bug")).getStatus()).isEqualTo(500);
        assertThat(mapper.pg(new PgException("division by zero", "ERROR", "22012", null)).getStatus()).isEqualTo(500);
    }
}
