package no.tolk.publish.cms;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.CamelContext;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;

@CamelMainTest(configurationClasses = CmsConfiguration.class,
        properties = {"tolk.home=target/cms-configuration-test", "tolk.cms.static.site-dir=public-site",
                // the stage's beans only: the pipeline routes need beans from the other stages
                "camel.main.routes-include-pattern=classpath:no-routes/*"})
class CmsConfigurationTest {

    @org.apache.camel.BeanInject
    CamelContext context;

    @Test
    void bindsTheConfiguredPublisherAndReviewPreview() {
        CmsPublisher publisher = context.getRegistry().lookupByNameAndType("cmsPublisher", CmsPublisher.class);
        ReviewPreview review = context.getRegistry().lookupByNameAndType("reviewPreview", ReviewPreview.class);

        assertThat(publisher).isInstanceOf(StaticSitePublisher.class);
        assertThat(((StaticSitePublisher) publisher).siteDir()).endsWithRaw(java.nio.file.Path.of("cms-configuration-test", "public-site"));
        assertThat(review.reviewDir()).endsWithRaw(java.nio.file.Path.of("public-site", "review"));
    }
}
