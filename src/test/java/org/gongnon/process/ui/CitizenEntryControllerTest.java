package org.gongnon.process.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.gongnon.process.CitizenAccessService;
import org.gongnon.process.IssuedAccess;
import org.gongnon.process.PanelService;
import org.gongnon.process.ProcessService;
import org.gongnon.security.CitizenPrincipal;
import org.junit.jupiter.api.BeforeEach;
import org.gongnon.testsupport.DemoFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** The citizens' entry points over HTTP, through the real security filter chain. */
@SpringBootTest
class CitizenEntryControllerTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    ProcessService processes;
    @Autowired
    PanelService panel;
    @Autowired
    CitizenAccessService citizens;
    MockMvc mvc;

    @BeforeEach
    void setUp() {
        SecurityContextHolder.clearContext();
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity())
                .build();
    }

    IssuedAccess freshAccess() {
        return DemoFixtures.freshAccess(processes, panel, 1);
    }

    @Test
    void aPersonalLinkSignsInWithANewSessionIdAndLeadsToTheCitizensPage() throws Exception {
        IssuedAccess access = freshAccess();
        MockHttpSession session = new MockHttpSession();
        String before = session.getId();
        MvcResult result = mvc.perform(get(access.link().substring(access.link().indexOf("/c/"))).session(session))
                .andExpect(status().isSeeOther())
                .andExpect(header().string("Location", "/me"))
                .andExpect(header().string("Cache-Control", "no-store"))
                .andReturn();
        MockHttpSession after = (MockHttpSession) result.getRequest().getSession(false);
        assertNotEquals(before, after.getId(), "session fixation: the id changes at sign-in");
        SecurityContext stored = (SecurityContext) after.getAttribute(
                HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        CitizenPrincipal citizen = assertInstanceOf(CitizenPrincipal.class, stored.getAuthentication().getPrincipal());
        assertEquals(access.displayName(), citizen.displayName());
    }

    @Test
    void anInvalidLinkLeadsToTheExplanationAndSignsNobodyIn() throws Exception {
        MvcResult result = mvc.perform(get("/c/not-a-real-token-not-a-real-token"))
                .andExpect(status().isSeeOther())
                .andExpect(header().string("Location", "/link-invalid"))
                .andReturn();
        MockHttpSession session = (MockHttpSession) result.getRequest().getSession(false);
        assertNull(session == null ? null : session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY));
    }

    @Test
    void aCodeTicketWorksOnceThenSendsBackToTheCodePage() throws Exception {
        String ticket = citizens.checkCode(freshAccess().code()).ticket();
        mvc.perform(get("/c/ticket/" + ticket)).andExpect(header().string("Location", "/me"));
        SecurityContextHolder.clearContext();
        mvc.perform(get("/c/ticket/" + ticket)).andExpect(header().string("Location", "/code?expired"));
    }
}
