package dev.tracklight.core.carriers;

import dev.tracklight.core.carriers.aftership.AfterShipCarriers;
import dev.tracklight.core.carriers.easypost.EasyPostCarriers;
import dev.tracklight.core.carriers.kuaidi100.Kuaidi100Carriers;
import dev.tracklight.core.carriers.seventeentrack.SeventeenTrackCarriers;
import dev.tracklight.core.carriers.shippo.ShippoCarriers;
import dev.tracklight.core.channels.ChannelCarriers;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CarrierTablesTest {

    private static final Map<String, CarrierTable> TABLES = Map.of(
            "aftership", AfterShipCarriers.TABLE, "easypost", EasyPostCarriers.TABLE, "kuaidi100", Kuaidi100Carriers.TABLE,
            "17track", SeventeenTrackCarriers.TABLE, "shippo", ShippoCarriers.TABLE, "channels", ChannelCarriers.TABLE);

    @Test
    void everyTableMapsOntoCodesWeRegisterUnder() {
        TABLES.forEach((source, table) -> assertThat(table.codes()).as(source).allMatch(CarrierCodes::isKnown));
    }

    @Test
    void aggregatorNamesForTheSameCarrierMeetOnOneCode() {
        // GIVEN the names five aggregators give Deutsche Post DHL's parcel and mail services
        // WHEN they are looked up  THEN all of them are the dhl a merchant registers under
        assertThat(SeventeenTrackCarriers.TABLE.code("7041")).isEqualTo("dhl");
        assertThat(AfterShipCarriers.TABLE.code("deutsch-post")).isEqualTo("dhl");
        assertThat(AfterShipCarriers.TABLE.code("dhl-germany")).isEqualTo("dhl");
        assertThat(EasyPostCarriers.TABLE.code("DeutschePost")).isEqualTo("dhl");
        assertThat(ShippoCarriers.TABLE.code("dhl_germany")).isEqualTo("dhl");
        assertThat(AfterShipCarriers.TABLE.code("dhl-global-mail")).isEqualTo("dhl-ecommerce");
        assertThat(EasyPostCarriers.TABLE.code("DhlEcs")).isEqualTo("dhl-ecommerce");
        assertThat(AfterShipCarriers.TABLE.code("yundaex")).isEqualTo("yunda");
        assertThat(Kuaidi100Carriers.TABLE.code("shunfeng")).isEqualTo("sf-express");
        assertThat(ChannelCarriers.TABLE.code("China EMS")).isEqualTo(AfterShipCarriers.TABLE.code("china-ems")).isEqualTo("ems");
    }

    @Test
    void shippoTokensAreLookedUpBeforeAnySlugging() {
        assertThat(ShippoCarriers.TABLE.code("hermes_uk")).isEqualTo("evri");
        assertThat(ShippoCarriers.TABLE.code("hermes_germany_b2c")).isEqualTo("hermes");
        assertThat(EasyPostCarriers.TABLE.code("Lasership")).as("case is ignored").isEqualTo("lasership");
    }

    @Test
    void aNameNoTableKnowsKeepsAReadableCodeOfItsOwn() {
        assertThat(EasyPostCarriers.TABLE.code("  Fancy Couriers GmbH ")).isEqualTo("fancy-couriers-gmbh");
        assertThat(ShippoCarriers.TABLE.code("mondial_relay")).isEqualTo("mondial-relay");
        assertThat(CarrierCodes.slug("--").isEmpty()).isTrue();
        assertThat(CarrierCodes.slug("x".repeat(100))).hasSize(64);
        assertThat(ChannelCarriers.TABLE.known("Fancy Couriers")).isEmpty();
    }

    @Test
    void aTableThatNamesACarrierTwiceDoesNotLoad() {
        assertThatThrownBy(() -> CarrierTable.of("UPS", "ups", "ups", "ups")).isInstanceOf(IllegalArgumentException.class);
    }
}
