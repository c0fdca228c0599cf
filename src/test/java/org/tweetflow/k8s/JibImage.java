package org.tweetflow.k8s;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What pom.xml's Jib configuration puts into the image the manifests run: its user and its environment, the defaults
 * a pod starts with before the manifests' own.
 */
record JibImage(String user, Map<String, String> environment) {

    private static final String CONTAINER =
            "/project/build/plugins/plugin[artifactId='jib-maven-plugin']/configuration/container";

    static JibImage read(Path pom) throws Exception {
        Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile())
                .getDocumentElement();
        XPath xpath = XPathFactory.newInstance().newXPath();
        String user = xpath.evaluate(CONTAINER + "/user", project).strip();
        NodeList variables = (NodeList) xpath.evaluate(CONTAINER + "/environment/*", project, XPathConstants.NODESET);
        Map<String, String> environment = new LinkedHashMap<>();
        for (int i = 0; i < variables.getLength(); i++) {
            Node variable = variables.item(i);
            environment.put(variable.getNodeName(), variable.getTextContent().strip());
        }
        if (user.isEmpty() || environment.isEmpty()) {
            throw new AssertionError("no Jib <container> with a user and an environment in " + pom);
        }
        return new JibImage(user, environment);
    }
}
