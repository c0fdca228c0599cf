package org.tweetflow.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/** Plays the queued {@link SandboxFaults} in front of both simulated services. */
class SandboxFaultFilter extends OncePerRequestFilter {

    private final SandboxFaults faults;

    SandboxFaultFilter(SandboxFaults faults) {
        this.faults = faults;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(SandboxClients.ROOT + "/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(SandboxClients.ROOT.length());
        Optional<SandboxFaults.Hold> hold = faults.takeHold(request.getMethod(), path);
        if (hold.isPresent()) {
            awaitRelease(hold.get());
        }
        Optional<SandboxFaults.Fault> fault = faults.take(request.getMethod(), path);
        if (fault.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        SandboxFaults.Fault f = fault.get();
        if (!f.delay().isZero()) {
            sleep(f);
        }
        if (f.malformed()) {
            write(response, 200, "{\"data\":[{\"id\":\"1\",\"text\":\"cut off");
        } else if (f.status() > 0) {
            f.headers().forEach(response::setHeader);
            write(response, f.status(), f.body() == null ? "" : f.body());
        } else {
            chain.doFilter(request, response);
        }
    }

    private static void write(HttpServletResponse response, int status, String body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=utf-8");
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }

    private static void awaitRelease(SandboxFaults.Hold hold) throws IOException {
        try {
            hold.awaitRelease();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while holding a sandbox request", e);
        }
    }

    private static void sleep(SandboxFaults.Fault fault) throws IOException {
        try {
            Thread.sleep(fault.delay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while delaying a sandbox answer", e);
        }
    }
}
